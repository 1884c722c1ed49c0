package org.touming.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.touming.content.ContentLoader;
import org.touming.content.DepartmentId;
import org.touming.content.Diagnostic;
import org.touming.content.Diagnostics;
import org.touming.content.Disclosure;
import org.touming.content.Loaded;
import org.touming.content.Severity;
import org.touming.content.Site;
import org.touming.internal.Parallel;

/**
 * A checked site kept in memory for {@code serve}: every disclosure loaded, its diagnostics kept
 * per file, so that an edit to one disclosure re-checks that file and the rules across years, not
 * the whole site.
 */
public final class Session {
  private final ContentLoader loader;
  private final Site site;
  private final List<Diagnostic> siteDiagnostics;
  private final Map<String, List<Diagnostic>> perFile = new ConcurrentHashMap<>();
  private final Map<String, Summary> summaries = new ConcurrentHashMap<>();
  private final Map<String, Loaded<Disclosure>> loaded = new ConcurrentHashMap<>();
  // Per department: every rule across years compares a department's own disclosures.
  private final Map<DepartmentId, List<Diagnostic>> crossYear = new ConcurrentHashMap<>();

  private Session(ContentLoader loader, Site site, List<Diagnostic> siteDiagnostics) {
    this.loader = loader;
    this.site = site;
    this.siteDiagnostics = siteDiagnostics;
  }

  /** Loads and checks a whole site; empty with diagnostics when the folder is not a site. */
  public static Optional<Session> open(ContentLoader loader, Path root, Diagnostics notASite) {
    Diagnostics index = new Diagnostics();
    Optional<Site> site = loader.loadSite(root, index);
    if (site.isEmpty()) {
      index.sorted().forEach(notASite::add);
      return Optional.empty();
    }
    Session session = new Session(loader, site.get(), index.sorted());
    List<Site.DisclosureFile> files = site.get().disclosures();
    Parallel.forEachIndex(files.size(), i -> session.checkFile(files.get(i)));
    session.recheckAcrossYears(null);
    return Optional.of(session);
  }

  public Site site() {
    return site;
  }

  /** Re-checks one disclosure after its YAML or Markdown changed; false if it is not one. */
  public boolean update(String yamlFile) {
    for (Site.DisclosureFile f : site.disclosures()) {
      if (f.yaml().equals(yamlFile) || yamlFile.equals(f.markdown())) {
        Set<DepartmentId> touched = new HashSet<>();
        Optional.ofNullable(summaries.get(f.yaml())).ifPresent(s -> touched.add(s.department()));
        checkFile(f);
        Optional.ofNullable(summaries.get(f.yaml())).ifPresent(s -> touched.add(s.department()));
        recheckAcrossYears(touched);
        return true;
      }
    }
    return false;
  }

  public Optional<Loaded<Disclosure>> disclosure(String yamlFile) {
    return Optional.ofNullable(loaded.get(yamlFile));
  }

  public List<Loaded<Disclosure>> disclosures() {
    return new ArrayList<>(loaded.values());
  }

  public List<Diagnostic> diagnostics() {
    List<Diagnostic> all = new ArrayList<>(siteDiagnostics);
    perFile.values().forEach(all::addAll);
    crossYear.values().forEach(all::addAll);
    all.sort(Comparator.naturalOrder());
    return all;
  }

  public boolean hasErrors() {
    return diagnostics().stream().anyMatch(d -> d.severity() == Severity.ERROR);
  }

  private void checkFile(Site.DisclosureFile file) {
    Diagnostics d = new Diagnostics();
    Optional<Loaded<Disclosure>> l = Checker.checkDisclosure(loader, site, file, d);
    perFile.put(file.yaml(), d.sorted());
    if (l.isPresent()) {
      // The summary keeps the lines cross-year messages point at; pages need no source map, and
      // without it a large site's preview fits in a small heap.
      summaries.put(file.yaml(), Summary.of(l.get()));
      loaded.put(file.yaml(), l.get().withoutSourceMap());
    } else {
      loaded.remove(file.yaml());
      summaries.remove(file.yaml());
    }
  }

  /** The rules across years for these departments, or for all when {@code departments} is null. */
  private void recheckAcrossYears(Set<DepartmentId> departments) {
    Map<DepartmentId, List<Summary>> groups = new HashMap<>();
    for (Summary s : summaries.values()) {
      if (departments == null || departments.contains(s.department())) {
        groups.computeIfAbsent(s.department(), k -> new ArrayList<>()).add(s);
      }
    }
    if (departments == null) {
      crossYear.clear();
    } else {
      departments.forEach(crossYear::remove);
    }
    List<Map.Entry<DepartmentId, List<Summary>>> each = List.copyOf(groups.entrySet());
    Parallel.forEachIndex(
        each.size(),
        i -> {
          Diagnostics d = new Diagnostics();
          CrossYearRules.check(each.get(i).getValue(), loader.disclosureSchema(), d);
          crossYear.put(each.get(i).getKey(), d.sorted());
        });
  }
}
