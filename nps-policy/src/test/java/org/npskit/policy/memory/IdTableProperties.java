package org.npskit.policy.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The store's open-addressing table against a {@link HashMap}: after any sequence of inserts and
 * removes (packed and spilled ids, index growth, row reuse, several pages), every id maps to a
 * live entry holding its own id and columns, and no removed id is found.
 *
 * <p>Mutants of the table that no test kills, because they change nothing but speed or memory
 * (PIT, December 2026): the probe loop stopping one slot early or its "index full" exit (never
 * reached at a load of at most 3/4); {@code remove} searching an entry's slot backwards (it
 * wraps around and finds it); {@code find} also trying the old index after a hit on entry 0
 * (the old index still holds it); the page directory growing by one page instead of doubling;
 * object pages allocated eagerly for a lazy table or lazily for an eager one; a weaker seed mix
 * of the string hash; {@code PackedId.unpack} reading a tenth character (bit 63, always clear).
 */
class IdTableProperties {

  /** An operation: insert the id (if absent) or remove it (if present). */
  record Op(String id, boolean remove) {}

  @Provide
  Arbitrary<String> ids() {
    Arbitrary<String> packed = Arbitraries.integers().between(0, 400).map(i -> "C" + i);
    Arbitrary<String> longest = Arbitraries.integers().between(0, 50)
        .map(i -> String.format("%018d", i));
    Arbitrary<String> spilled = Arbitraries.integers().between(0, 60)
        .map(i -> i % 3 == 0 ? "custom\u00e9r-" + i : i % 3 == 1 ? "x\u0000" + i
            : "a-customer-id-longer-than-18-" + i);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, packed), net.jqwik.api.Tuple.of(1, longest),
        net.jqwik.api.Tuple.of(2, spilled));
  }

  @Provide
  Arbitrary<List<Op>> ops() {
    return net.jqwik.api.Combinators.combine(ids(), Arbitraries.integers().between(0, 9))
        .as((id, r) -> new Op(id, r < 3))
        .list().ofMaxSize(1200);
  }

  @Property(tries = 200)
  void tableAgreesWithAMapAfterAnySequenceOfInsertsAndRemoves(
      @ForAll("ops") List<Op> ops, @ForAll boolean outgrowsTags) {
    // With a low limit the table switches to untagged slots part-way, as one of 2^24 rows would;
    // at 50 rows the index is in the middle of its move from 64 to 128 slots (49th to 64th entry).
    IdTable table = new IdTable(3, 2, false, 0, outgrowsTags ? 50 : Integer.MAX_VALUE);
    Map<String, Integer> model = new HashMap<>();
    long serial = 0;
    for (Op op : ops) {
      int found = table.find(op.id());
      assertThat(found >= 0).isEqualTo(model.containsKey(op.id()));
      if (op.remove() && found >= 0) {
        table.remove(found);
        model.remove(op.id());
      } else if (!op.remove() && found < 0) {
        int e = table.insert(op.id());
        table.set(e, 2, ++serial);
        table.setObj(e, 1, op.id() + "/payload");
        model.put(op.id(), e);
      }
    }
    assertThat(table.size()).isEqualTo(model.size());
    if (!outgrowsTags) {
      assertThat(table.tagged()).isTrue();
    } else if (table.highWater() > 50) {
      assertThat(table.tagged()).isFalse();
    }
    Set<Integer> entries = new HashSet<>();
    for (Map.Entry<String, Integer> entry : model.entrySet()) {
      int e = table.find(entry.getKey());
      assertThat(e).isEqualTo(entry.getValue());
      assertThat(table.live(e)).isTrue();
      assertThat(table.id(e)).isEqualTo(entry.getKey());
      assertThat(table.obj(e, 1)).isEqualTo(entry.getKey() + "/payload");
      assertThat(table.get(e, 2)).isPositive();
      entries.add(e);
    }
    List<Integer> live = new ArrayList<>();
    table.forEachLive(0, Integer.MAX_VALUE, live::add);
    assertThat(live).containsExactlyInAnyOrderElementsOf(entries);
    for (Op op : ops) {
      if (!model.containsKey(op.id())) {
        assertThat(table.find(op.id())).isEqualTo(-1);
      }
    }
  }

  @Example
  void whileTheIndexGrowsEveryEntryIsFoundAndAbsentIdsAreNot() {
    IdTable table = new IdTable(3, 2, false, 0);
    List<String> ids = new ArrayList<>();
    int insertsWhileGrowing = 0;
    for (int i = 0; i < 3000; i++) {
      String id = i % 5 == 0 ? "a-customer-id-longer-than-18-" + i : "C" + i;
      int e = table.insert(id);
      table.set(e, 2, i + 1);
      ids.add(id);
      if (table.growing()) {
        insertsWhileGrowing++;
        for (int k = 0; k < ids.size(); k++) {
          int found = table.find(ids.get(k));
          assertThat(found).as("%s while growing", ids.get(k)).isNotNegative();
          assertThat(table.id(found)).isEqualTo(ids.get(k));
          assertThat(table.get(found, 2)).isEqualTo(k + 1);
        }
        assertThat(table.find("C" + (i + 1))).isEqualTo(-1);
        assertThat(table.find("a-customer-id-longer-than-18-x" + i)).isEqualTo(-1);
      }
    }
    // From 16 to 4,096 slots the index doubles 8 times; each move spans a quarter as many inserts
    // as the old index had slots.
    assertThat(insertsWhileGrowing).isGreaterThan(500);
  }

  @Example
  void eachMoveEndsWithinAQuarterAsManyInsertsAsTheOldIndexHasSlots() {
    IdTable table = new IdTable(3, 2, false, 0);
    int moves = 0;
    int i = 0;
    while (table.indexSlots() < 1 << 16) {
      int before = table.indexSlots();
      table.insert("C" + i++);
      if (table.indexSlots() > before) {
        moves++;
        assertThat(table.growing()).isTrue();
        int inserts = 1;
        while (table.growing()) {
          table.insert("C" + i++);
          inserts++;
        }
        assertThat(inserts).as("inserts of the move from %d slots", before)
            .isLessThanOrEqualTo(before / IdTable.MIGRATE_SLOTS + 1);
      }
    }
    assertThat(moves).isEqualTo(12);
  }

  @Example
  void switchingToUntaggedSlotsDuringAMoveKeepsEveryEntry() {
    IdTable table = new IdTable(3, 2, false, 0, 50);
    for (int i = 0; i < 49; i++) {
      table.insert("C" + i);
    }
    assertThat(table.growing()).isTrue();
    table.insert("C49");
    table.insert("C50");
    assertThat(table.tagged()).isFalse();
    assertThat(table.growing()).isFalse();
    for (int i = 0; i < 51; i++) {
      assertThat(table.id(table.find("C" + i))).isEqualTo("C" + i);
    }
    assertThat(table.find("C51")).isEqualTo(-1);
  }

  @Example
  void aRemovalWhileTheIndexGrowsFinishesTheMoveAndKeepsEveryOtherEntry() {
    IdTable table = new IdTable(3, 2, false, 0);
    int n = 0;
    while (!table.growing() || n < 200) {
      table.insert("C" + n++);
    }
    assertThat(table.growing()).isTrue();
    table.remove(table.find("C7"));
    assertThat(table.growing()).isFalse();
    for (int i = 0; i < n; i++) {
      assertThat(table.find("C" + i) >= 0).as("C%d", i).isEqualTo(i != 7);
    }
  }

  @Example
  void removedRowsAreReusedZeroedAndTheTableGrowsAcrossPages() {
    IdTable table = new IdTable(3, 2, true, 0);
    for (int i = 0; i < 5000; i++) {
      assertThat(table.insert("C" + i)).isEqualTo(i);
      table.set(i, 2, i + 1);
    }
    for (int i = 0; i < 5000; i += 2) {
      table.remove(table.find("C" + i));
    }
    assertThat(table.size()).isEqualTo(2500);
    assertThat(table.highWater()).isEqualTo(5000);
    for (int i = 0; i < 2500; i++) {
      int e = table.insert("N" + i);
      assertThat(e).isLessThan(5000).isEven();
      assertThat(table.get(e, 2)).isZero();
      assertThat(table.obj(e, 1)).isNull();
    }
    assertThat(table.highWater()).isEqualTo(5000);
    for (int i = 1; i < 5000; i += 2) {
      assertThat(table.get(table.find("C" + i), 2)).isEqualTo(i + 1);
    }
    assertThat(table.find("C0")).isEqualTo(-1);
  }

  @Example
  void aPresizedTableNeedsNoPagesUntilUsed() {
    IdTable table = new IdTable(3, 2, false, 1_000_000);
    assertThat(table.size()).isZero();
    assertThat(table.find("C1")).isEqualTo(-1);
    assertThat(table.find("not packable because it is long")).isEqualTo(-1);
    int e = table.insert("not packable because it is long");
    assertThat(table.id(e)).isEqualTo("not packable because it is long");
    assertThat(table.get(e, IdTable.ID_HEAD)).isZero();
  }

  @Example
  void longIdsWithEqualStringHashCodesSpreadOverTheIndex() {
    // "Aa" and "BB" have the same String.hashCode, so these 1,024 ids of 26 characters all do.
    IdTable table = new IdTable(3, 2, false, 0);
    Set<Integer> homes = new HashSet<>();
    for (int i = 0; i < 1024; i++) {
      StringBuilder id = new StringBuilder("order-");
      for (int bit = 0; bit < 10; bit++) {
        id.append((i >> bit & 1) == 0 ? "Aa" : "BB");
      }
      assertThat(id.toString().hashCode()).isEqualTo("order-AaAaAaAaAaAaAaAaAaAa".hashCode());
      homes.add(table.hashOf(id.toString()) & 2047);
      table.insert(id.toString());
    }
    // Independent hashes would fill about 800 of 2,048 home slots; String.hashCode fills one.
    assertThat(homes).hasSizeGreaterThan(600);
    assertThat(table.size()).isEqualTo(1024);
  }

  @Example
  void peekReadsWhatGetReadsAndZeroOrNullForRowsItCannotSeeWithoutThrowing() {
    IdTable table = new IdTable(3, 2, false, 3000); // a directory of 3 pages, 1 allocated below
    int e = table.insert("C1");
    table.set(e, 2, 42L);
    table.setObj(e, 1, "payload");
    int spilled = table.insert("an id far too long to be packed");
    assertThat(table.peek(e, 2)).isEqualTo(42L);
    assertThat(table.peek(e, IdTable.ID_HEAD)).isEqualTo(PackedId.head("C1"));
    assertThat(table.peekObj(e, 1)).isEqualTo("payload");
    assertThat(table.peekObj(spilled, IdTable.ID_STRING))
        .isEqualTo("an id far too long to be packed");
    // Entry numbers a read racing a write may compute: beyond the page directory, in a page not
    // allocated yet, negative (from a slot read as tagged that is not).
    for (int unseen : new int[] {1 << 20, (1 << 10) + 5, -1, Integer.MIN_VALUE}) {
      assertThat(table.peek(unseen, 2)).as("peek(%d)", unseen).isZero();
      assertThat(table.peekObj(unseen, 1)).as("peekObj(%d)", unseen).isNull();
    }
    // A row page without an object page (allocated on demand) reads null.
    IdTable lazy = new IdTable(3, 2, false, 0);
    int row = lazy.insert("C3");
    lazy.set(row, 2, 7L);
    assertThat(lazy.peek(row, 2)).isEqualTo(7L);
    assertThat(lazy.peekObj(row, 1)).isNull();
  }

  @Example
  void aPresizedIndexIsTheSmallestThatHoldsTheExpectedEntriesWithoutGrowing() {
    // At most 3/4 full: the smallest power of two of at least expected * 4/3 + 1 slots, 16 or more.
    int[][] expectedAndSlots = {{0, 16}, {11, 16}, {12, 32}, {24, 64}, {1_000_000, 1 << 21}};
    for (int[] pair : expectedAndSlots) {
      IdTable table = new IdTable(3, 2, false, pair[0]);
      assertThat(table.indexSlots()).as("slots for %d", pair[0]).isEqualTo(pair[1]);
    }
    IdTable table = new IdTable(3, 2, false, 3000);
    int slots = table.indexSlots();
    for (int i = 0; i < 3000; i++) {
      table.insert("C" + i);
    }
    assertThat(table.indexSlots()).isEqualTo(slots);
    assertThat(table.growing()).isFalse();
  }

  @Example
  void aReusedRowHoldsNothingOfItsFreeListLink() {
    IdTable table = new IdTable(3, 2, false, 0);
    int first = table.insert("C1");
    int second = table.insert("C2");
    table.remove(first);
    table.remove(second); // the free list: second -> first, linked through ID_TAIL
    int reused = table.insert("an id far too long to be packed");
    assertThat(reused).isEqualTo(second);
    assertThat(table.get(reused, IdTable.ID_HEAD)).isZero();
    assertThat(table.get(reused, IdTable.ID_TAIL)).isZero();
    assertThat(table.insert("C3")).isEqualTo(first);
  }
}
