package org.touming.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.touming.content.Region;

class ResolverTest {
  private static final List<Region> HEBEI =
      List.of(
          new Region("130000", "河北省", null, "province"),
          new Region("131000", "廊坊市", "130000", "city"),
          new Region("131003", "广阳区", "131000", "county"),
          new Region("131082", "三河市", "131000", "county"));

  @Test
  void theMostSpecificRegionNamedWins() {
    assertEquals("131003", Resolver.byName(List.of("廊坊市广阳区九州镇人民政府"), HEBEI).orElseThrow().code());
    assertEquals("131003", Resolver.byName(List.of("廊坊市广阳区委"), HEBEI).orElseThrow().code());
    assertEquals(
        "131082", Resolver.byName(List.of("三河市燕郊高新技术产业开发区管理委员会"), HEBEI).orElseThrow().code());
    assertEquals("131000", Resolver.byName(List.of("廊坊市财政局"), HEBEI).orElseThrow().code());
    assertEquals(Optional.empty(), Resolver.byName(List.of("秦皇岛市山海关区财政局"), HEBEI));
  }

  @Test
  void placeNamesInOrganisationNames() {
    assertEquals(Optional.of("山海关区"), Resolver.lastPlace("中共秦皇岛市山海关区委区直机关工作委员会"));
    assertEquals(Optional.of("广阳区"), Resolver.lastPlace("廊坊市广阳区九州镇人民政府"));
    assertEquals(Optional.of("三河市"), Resolver.lastPlace("三河市燕郊高新技术产业开发区管理委员会"));
    assertEquals(Optional.of("大厂回族自治县"), Resolver.lastPlace("大厂回族自治县财政局"));
    assertEquals(Optional.empty(), Resolver.lastPlace("机关事务服务中心"));
  }
}
