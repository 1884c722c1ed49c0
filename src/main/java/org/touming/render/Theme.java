package org.touming.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A theme and the site's overrides of it. Lookup order, most specific first, file by file:
 *
 * <ol>
 *   <li>the site's {@code layouts/}, {@code assets/}, {@code i18n/};
 *   <li>the site's {@code themes/NAME/layouts}, {@code assets}, {@code i18n};
 *   <li>the theme of that name built into Touming ({@code default}).
 * </ol>
 *
 * UI strings are merged key by key in the same order, so a site overrides one string without
 * copying the file.
 */
public final class Theme {
  private static final String BUILT_IN = "/org/touming/themes/";
  private final Path site;
  private final String name;

  public Theme(Path site, String name) {
    this.site = site;
    this.name = name == null ? "default" : name;
  }

  public String name() {
    return name;
  }

  public boolean exists() {
    return Files.isDirectory(site.resolve("themes").resolve(name))
        || Theme.class.getResource(BUILT_IN + name + "/theme.yml") != null;
  }

  private List<Path> folders(String kind) {
    List<Path> folders = new ArrayList<>();
    for (Path p : List.of(site.resolve(kind), site.resolve("themes").resolve(name).resolve(kind))) {
      if (Files.isDirectory(p)) {
        folders.add(p);
      }
    }
    return folders;
  }

  public Configuration freemarker() {
    List<TemplateLoader> loaders = new ArrayList<>();
    try {
      for (Path folder : folders("layouts")) {
        loaders.add(new FileTemplateLoader(folder.toFile()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    loaders.add(new ClassTemplateLoader(Theme.class, BUILT_IN + name + "/layouts"));
    Configuration cfg = new Configuration(Configuration.VERSION_2_3_33);
    cfg.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new)));
    cfg.setDefaultEncoding("UTF-8");
    cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
    cfg.setAutoEscapingPolicy(Configuration.ENABLE_IF_SUPPORTED_AUTO_ESCAPING_POLICY);
    cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    cfg.setLogTemplateExceptions(false);
    cfg.setWrapUncheckedExceptions(true);
    cfg.setFallbackOnNullLoopVariable(false);
    cfg.setLocalizedLookup(false);
    cfg.setNumberFormat("computer");
    cfg.setObjectWrapper(new RecordWrapper(Configuration.VERSION_2_3_33));
    return cfg;
  }

  /** Every asset file name, relative to an assets folder, from all three places. */
  public List<String> assets() {
    TreeSet<String> names = new TreeSet<>(builtIn().assets());
    for (Path folder : folders("assets")) {
      try (Stream<Path> walk = Files.walk(folder)) {
        walk.filter(Files::isRegularFile)
            .forEach(p -> names.add(folder.relativize(p).toString().replace('\\', '/')));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return List.copyOf(names);
  }

  public byte[] asset(String asset) {
    try {
      for (Path folder : folders("assets")) {
        Path p = folder.resolve(asset);
        if (Files.isRegularFile(p)) {
          return Files.readAllBytes(p);
        }
      }
      try (InputStream in = Theme.class.getResourceAsStream(BUILT_IN + name + "/assets/" + asset)) {
        if (in == null) {
          throw new IllegalStateException(
              "asset " + asset + " listed but missing in theme " + name);
        }
        return in.readAllBytes();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Strings strings(String language) {
    Map<String, String> merged = new TreeMap<>();
    read(Theme.class.getResourceAsStream(BUILT_IN + name + "/i18n/" + language + ".yml"))
        .ifPresent(merged::putAll);
    List<Path> folders = folders("i18n");
    for (int i = folders.size() - 1; i >= 0; i--) {
      Path file = folders.get(i).resolve(language + ".yml");
      if (Files.isRegularFile(file)) {
        try {
          read(Files.newInputStream(file)).ifPresent(merged::putAll);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return new Strings(language, merged);
  }

  private record Manifest(List<String> assets) {}

  private Manifest builtIn() {
    try (InputStream in = Theme.class.getResourceAsStream(BUILT_IN + name + "/theme.yml")) {
      if (in == null) {
        return new Manifest(List.of());
      }
      Map<?, ?> m = new ObjectMapper(new YAMLFactory()).readValue(in, Map.class);
      List<String> assets = new ArrayList<>();
      if (m.get("assets") instanceof List<?> l) {
        l.forEach(a -> assets.add(String.valueOf(a)));
      }
      return new Manifest(assets);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Optional<Map<String, String>> read(InputStream in) {
    if (in == null) {
      return Optional.empty();
    }
    try (in) {
      Map<String, Object> raw = new ObjectMapper(new YAMLFactory()).readValue(in, Map.class);
      Map<String, String> out = new TreeMap<>();
      if (raw != null) {
        raw.forEach((k, v) -> out.put(k, String.valueOf(v)));
      }
      return Optional.of(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
