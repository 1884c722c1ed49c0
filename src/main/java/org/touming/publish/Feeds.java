package org.touming.publish;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.touming.content.Catalog;
import org.touming.content.Disclosure;
import org.touming.content.Loaded;
import org.touming.render.Urls;

/**
 * The Atom feed of disclosures, sitemap.xml and robots.txt. Written with an XML writer so that
 * author text is always escaped; dates come from the content, never the clock, so two builds of the
 * same content are identical.
 */
final class Feeds {
  private Feeds() {}

  static byte[] atom(Catalog catalog, String baseUrl) throws XMLStreamException {
    List<Loaded<Disclosure>> entries =
        catalog.disclosures().stream()
            .sorted(
                Comparator.comparing((Loaded<Disclosure> l) -> updated(l.value()))
                    .reversed()
                    .thenComparing(Catalog.ORDER))
            .limit(100)
            .toList();
    return document(
        "feed",
        "http://www.w3.org/2005/Atom",
        x -> {
          if (baseUrl != null) {
            x.writeAttribute("xml:base", baseUrl);
          }
          element(x, "title", catalog.site().config().title());
          element(x, "id", baseUrl != null ? baseUrl + "feed.xml" : "urn:touming:feed");
          element(
              x,
              "updated",
              entries.isEmpty() ? "1970-01-01T00:00:00Z" : updated(entries.get(0).value()));
          link(x, "self", "feed.xml");
          link(x, "alternate", Urls.home());
          for (Loaded<Disclosure> l : entries) {
            Disclosure d = l.value();
            String name = catalog.department(d).name();
            x.writeStartElement("entry");
            element(
                x,
                "title",
                d.title() != null ? d.title() : name + d.year() + "年" + d.kind().label());
            element(
                x,
                "id",
                "urn:touming:" + Urls.slug(d.department()) + ":" + d.year() + ":" + d.kind().key());
            element(x, "updated", updated(d));
            link(x, "alternate", Urls.disclosure(d));
            x.writeStartElement("author");
            element(x, "name", name);
            x.writeEndElement();
            element(
                x,
                "summary",
                catalog.region(d).name()
                    + " · "
                    + name
                    + " · "
                    + d.year()
                    + "年"
                    + d.kind().label());
            x.writeEndElement();
          }
        });
  }

  private interface Body {
    void write(XMLStreamWriter x) throws XMLStreamException;
  }

  /** A UTF-8 XML document of one root element in a default namespace, ending with a newline. */
  private static byte[] document(String root, String namespace, Body body)
      throws XMLStreamException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(bytes, "UTF-8");
    x.writeStartDocument("UTF-8", "1.0");
    x.writeCharacters("\n");
    x.writeStartElement(root);
    x.writeDefaultNamespace(namespace);
    body.write(x);
    x.writeEndElement();
    x.writeEndDocument();
    x.close();
    bytes.write('\n');
    return bytes.toByteArray();
  }

  /** The publication date when the document gives one, else the first day of its year. */
  static String updated(Disclosure d) {
    String p = d.provenance() == null ? null : d.provenance().published();
    if (p != null && p.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
      return p + "T00:00:00Z";
    }
    if (p != null && p.matches("[0-9]{4}-[0-9]{2}")) {
      return p + "-01T00:00:00Z";
    }
    return d.year() + "-01-01T00:00:00Z";
  }

  private static void element(XMLStreamWriter x, String name, String text)
      throws XMLStreamException {
    x.writeStartElement(name);
    x.writeCharacters(text);
    x.writeEndElement();
  }

  private static void link(XMLStreamWriter x, String rel, String href) throws XMLStreamException {
    x.writeEmptyElement("link");
    x.writeAttribute("rel", rel);
    x.writeAttribute("href", href);
  }

  /** Sitemap URLs must be absolute: with a base URL they are; without one they are relative. */
  static byte[] sitemap(List<String> pages, String baseUrl) throws XMLStreamException {
    return document(
        "urlset",
        "http://www.sitemaps.org/schemas/sitemap/0.9",
        x -> {
          for (String page : pages) {
            x.writeStartElement("url");
            element(x, "loc", (baseUrl == null ? "" : baseUrl) + page);
            x.writeEndElement();
          }
        });
  }

  static byte[] robots(String baseUrl) {
    String s =
        "User-agent: *\nAllow: /\n"
            + (baseUrl == null ? "" : "Sitemap: " + baseUrl + "sitemap.xml\n");
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
