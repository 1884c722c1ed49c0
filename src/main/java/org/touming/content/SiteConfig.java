package org.touming.content;

/** site-config.yml. */
public record SiteConfig(
    String title,
    String baseUrl,
    String language,
    String theme,
    String output,
    boolean synthetic,
    Footer footer,
    Search search) {

  /** Whether the raw Lucene index is copied into the site (it is, unless turned off). */
  public boolean luceneIndex() {
    return search == null || search.luceneIndex() == null || search.luceneIndex();
  }

  /** Search options. */
  public record Search(Boolean luceneIndex) {}

  /** The fields a Chinese government website must carry in its footer. */
  public record Footer(
      String sponsor, String siteCode, String icp, String policeRecord, String contact) {}
}
