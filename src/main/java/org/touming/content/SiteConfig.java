package org.touming.content;

/** site-config.yml. */
public record SiteConfig(
    String title,
    String baseUrl,
    String language,
    String theme,
    String output,
    boolean synthetic,
    Footer footer) {

  /** The fields a Chinese government website must carry in its footer. */
  public record Footer(
      String sponsor, String siteCode, String icp, String policeRecord, String contact) {}
}
