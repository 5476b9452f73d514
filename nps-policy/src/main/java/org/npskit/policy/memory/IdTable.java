package org.npskit.policy.memory;

import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntConsumer;

/**
 * A table from ids to dense entry numbers, each entry a row of {@code long} and object columns
 * that the owner defines after the id's own: no object per entry. Finds, inserts and removes in
 * expected constant time, grows without a pause, and never shrinks (rows of removed entries are
 * reused).
 *
 * <p>Not thread-safe: the owner serializes all writes. {@link #find}, {@link #peek} and
 * {@link #peekObj} may also run without the owner's lock while a write runs: they never write,
 * never throw and never loop longer than the index is long, but what they return is then
 * meaningless, and the owner must detect the race (a {@link java.util.concurrent.locks.StampedLock}
 * stamp) and discard it.
 */
final class IdTable {
  /*
   * Design notes.
   *
   * Rows. Long columns ID_HEAD and ID_TAIL hold the id packed by PackedId; an id that does not
   * pack has ID_HEAD == NOT_PACKABLE (0) and is kept as a String in object column ID_STRING. The
   * owner's columns follow (FIRST_OWNER_LONG, FIRST_OWNER_OBJECT). Rows live in pages of PAGE
   * rows, one long[] and one Object[] per page, reached through the page directories rows and
   * objects; object pages are allocated with every row page (eagerObjects) or only when a row of
   * the page first gets an object. A page is never released and never moves; the directories are
   * replaced by larger copies when the pages outgrow them.
   *
   * Free rows. A removed row is zeroed (so an empty ID_HEAD and ID_STRING mark it free for
   * forEachLive) and pushed on a free list threaded through its NEXT_FREE column (the next free
   * row + 1; 0 ends the list), which allocate pops before taking a new row at highWater.
   *
   * Index. An int[] of a power-of-two length with linear probing, at a load of at most 3/4; a
   * slot holds entry + 1 (0 = empty). Removal shifts later slots of the run back instead of
   * leaving tombstones. While the table has fewer than 2^24 - 1 rows, a slot also holds 8 bits
   * of its entry's hash above the entry number ("tagged"), so that a probe reads a row only when
   * the tag matches: a look-up that misses (a new order id) reads one or two cache lines of the
   * index instead of one row per occupied slot, and a hit reads the index and the row, not a
   * third array. A larger table switches to untagged slots once, rebuilding the index.
   *
   * Hashes. Seeded per table with a random value, so that ids cannot be chosen to collide; an id
   * that does not pack is hashed from its characters, not through String.hashCode, whose
   * collisions are easy to construct.
   *
   * Growth without a pause. Doubling the index does not rehash every entry at once (that took one
   * write 220 ms at 3.1 million entries): the full index becomes oldIndex, new entries go into
   * the doubled one, and every insert moves the entries of the next MIGRATE_SLOTS old slots
   * across, so the move ends after a quarter as many inserts as the old index has slots, long
   * before the new one can fill. Meanwhile a look-up that misses the new index tries the old one.
   * A removal, a switch to untagged slots and a further doubling first finish the move: they are
   * rare, and a removal from the old index could shift an unmoved entry behind the move's
   * position. While a move runs both indexes are held: 4 bytes more per entry of the old one.
   *
   * Reads without the lock. A reader may see any mix of old and new values of the fields and
   * array elements (plain fields, no ordering), so it may meet an index slot naming a row whose
   * page it does not see yet, an entry number built from half-written tag bits, or the old
   * index already replaced. find and peek check every bound before use (visiblePage) and treat a
   * row they cannot see as not matching / as zero; loops are bounded by the index length. So a
   * racing read ends with some value and without an exception; the owner's stamp check says
   * whether that value is the truth. Under the owner's lock every check passes.
   */

  /** Long column of the id's {@link PackedId#head}; {@link PackedId#NOT_PACKABLE}: see below. */
  static final int ID_HEAD = 0;
  /** Long column of the packed id's {@link PackedId#tail}. */
  static final int ID_TAIL = 1;
  /** Long column of a free row holding the next free row + 1 (0 ends the free list). */
  private static final int NEXT_FREE = ID_TAIL;
  /** Object column of an id that does not pack (null for a packed id). */
  static final int ID_STRING = 0;
  /** The first long column the owner defines. */
  static final int FIRST_OWNER_LONG = 2;
  /** The first object column the owner defines. */
  static final int FIRST_OWNER_OBJECT = 1;

  private static final int PAGE_BITS = 10;
  private static final int PAGE = 1 << PAGE_BITS;
  private static final int IN_PAGE = PAGE - 1;
  private static final int MIN_INDEX = 16;
  private static final int MAX_INDEX = 1 << 30;
  private static final int ENTRY_BITS = 24;
  private static final int ENTRY_MASK = (1 << ENTRY_BITS) - 1;
  /** Old index slots moved into the new index per insert while the index grows. */
  static final int MIGRATE_SLOTS = 4;

  private final int longColumns;
  private final int objectColumns;
  private final boolean eagerObjects;
  private long[][] rows;
  private Object[][] objects;
  private int[] index;
  /** Whether slots carry a hash tag above {@link #ENTRY_BITS} (while rows fit below it). */
  private boolean tagged = true;
  /** The index being moved into {@link #index}, or null; its slots below {@link #moved} are done. */
  private int[] oldIndex;
  private int moved;
  /** Rows up to which slots stay tagged: {@link #ENTRY_MASK}, lower in tests. */
  private final int maxTaggedRows;
  /** Largest index: {@link #MAX_INDEX}, lower in tests. */
  private final int maxIndex;
  private final long seed = ThreadLocalRandom.current().nextLong();
  private int size;
  private int highWater;
  private int freeHead = -1;

  /**
   * Creates an empty table.
   *
   * @param longColumns long columns per row, including {@link #ID_HEAD} and {@link #ID_TAIL}
   * @param objectColumns object columns per row, including {@link #ID_STRING}
   * @param eagerObjects whether every row page gets its object page (else only on demand)
   * @param expected how many entries to size the index and the page directory for
   */
  IdTable(int longColumns, int objectColumns, boolean eagerObjects, int expected) {
    this(longColumns, objectColumns, eagerObjects, expected, ENTRY_MASK);
  }

  /** As above, switching to untagged slots once {@code maxTaggedRows} rows are in use. */
  IdTable(int longColumns, int objectColumns, boolean eagerObjects, int expected,
      int maxTaggedRows) {
    this(longColumns, objectColumns, eagerObjects, expected, maxTaggedRows, MAX_INDEX);
  }

  /** As above, with at most {@code maxIndex} (a power of two) index slots. */
  IdTable(int longColumns, int objectColumns, boolean eagerObjects, int expected,
      int maxTaggedRows, int maxIndex) {
    this.maxIndex = Math.min(maxIndex, MAX_INDEX);
    this.maxTaggedRows = Math.min(maxTaggedRows, ENTRY_MASK);
    this.longColumns = longColumns;
    this.objectColumns = objectColumns;
    this.eagerObjects = eagerObjects;
    this.index = new int[Math.min(indexSizeFor(expected), this.maxIndex)];
    int pages = Math.max(1, (int) ((expected + (long) IN_PAGE) >>> PAGE_BITS));
    this.rows = new long[pages][];
    this.objects = new Object[pages][];
  }

  private static int indexSizeFor(int entries) {
    long needed = entries * 4L / 3 + 1;
    int size = MIN_INDEX;
    while (size < needed && size < MAX_INDEX) {
      size <<= 1;
    }
    return size;
  }

  /** Whether {@link #insert} would fail: the index is as large as it may grow and 3/4 full. */
  boolean full() {
    return index.length >= maxIndex && (size + 1) * 4L > index.length * 3L;
  }

  /** Number of live entries. */
  int size() {
    return size;
  }

  /**
   * The entry of the id, or -1.
   *
   * @param id the id; not null
   */
  int find(String id) {
    long head = PackedId.head(id);
    long tail = head != PackedId.NOT_PACKABLE ? PackedId.tail(id) : 0L;
    int hash = hash(head, tail, id);
    int e = probe(index, hash, head, tail, id);
    if (e < 0) {
      int[] old = oldIndex;
      if (old != null) {
        e = probe(old, hash, head, tail, id);
      }
    }
    return e;
  }

  /** The entry of the id in one index (slots tagged as {@link #tagged} says), or -1. */
  private int probe(int[] idx, int hash, long head, long tail, String id) {
    int tag = hash >>> ENTRY_BITS;
    boolean withTags = tagged;
    int mask = idx.length - 1;
    for (int h = hash & mask, n = 0; n <= mask; h = (h + 1) & mask, n++) {
      int v = idx[h];
      if (v == 0) {
        return -1;
      }
      if (withTags && (v >>> ENTRY_BITS) != tag) {
        continue;
      }
      int e = (withTags ? v & ENTRY_MASK : v) - 1;
      long[] page = visiblePage(e);
      if (page == null) {
        continue; // only in a read without the lock that races a write (see the class comment)
      }
      int at = (e & IN_PAGE) * longColumns;
      // An id that does not pack has ID_HEAD == NOT_PACKABLE == head and is compared as a string.
      if (page[at + ID_HEAD] == head
          && (head != PackedId.NOT_PACKABLE
              ? page[at + ID_TAIL] == tail
              : id.equals(peekObj(e, ID_STRING)))) {
        return e;
      }
    }
    return -1;
  }

  /**
   * Adds an id that is not in the table and returns its new entry, whose other columns are zero
   * and null.
   *
   * @param id the id; not null, not in the table
   * @throws IllegalStateException if the table is {@link #full}; the owner checks first
   */
  int insert(String id) {
    if (oldIndex != null) {
      move(MIGRATE_SLOTS);
    }
    if ((size + 1) * 4L > index.length * 3L) {
      if (index.length >= maxIndex) {
        throw new IllegalStateException(
            "the in-memory history is full: " + size + " entries in one table");
      }
      finishMove();
      oldIndex = index;
      moved = 0;
      index = new int[index.length * 2];
    }
    if (tagged && freeHead < 0 && highWater >= maxTaggedRows) {
      finishMove();
      rebuildIndex(index.length, false);
    }
    int e = allocate();
    long head = PackedId.head(id);
    if (head != PackedId.NOT_PACKABLE) {
      set(e, ID_HEAD, head);
      set(e, ID_TAIL, PackedId.tail(id));
    } else {
      setObj(e, ID_STRING, id);
    }
    place(index, tagged, e);
    size++;
    return e;
  }

  /**
   * Removes a live entry: its index slot, its columns (zeroed) and its row (reused later).
   *
   * @param e a live entry
   */
  void remove(int e) {
    finishMove();
    int[] idx = index;
    int mask = idx.length - 1;
    int hole = hashOf(e) & mask;
    while (entryOf(idx[hole]) != e) {
      hole = (hole + 1) & mask;
    }
    for (int j = (hole + 1) & mask; idx[j] != 0; j = (j + 1) & mask) {
      int home = hashOf(entryOf(idx[j])) & mask;
      if (((j - home) & mask) >= ((j - hole) & mask)) {
        idx[hole] = idx[j];
        hole = j;
      }
    }
    idx[hole] = 0;
    int p = e >>> PAGE_BITS;
    int at = (e & IN_PAGE) * longColumns;
    Arrays.fill(rows[p], at, at + longColumns, 0L);
    if (objects[p] != null) {
      int o = (e & IN_PAGE) * objectColumns;
      Arrays.fill(objects[p], o, o + objectColumns, null);
    }
    rows[p][at + NEXT_FREE] = freeHead + 1L;
    freeHead = e;
    size--;
  }

  /**
   * Calls {@code action} with every live entry in {@code [from, to)} (clamped to the rows in
   * use); the action may remove the entry it is given.
   */
  void forEachLive(int from, int to, IntConsumer action) {
    int end = Math.min(to, highWater);
    for (int e = from; e < end; e++) {
      if (live(e)) {
        action.accept(e);
      }
    }
  }

  /** Number of rows in use or freed: entries are below it. */
  int highWater() {
    return highWater;
  }

  /** Whether the row holds an entry (and is not free). */
  boolean live(int e) {
    return get(e, ID_HEAD) != 0 || obj(e, ID_STRING) != null;
  }

  /** The id of a live entry. */
  String id(int e) {
    long head = get(e, ID_HEAD);
    return head != 0 ? PackedId.decode(head, get(e, ID_TAIL)) : (String) obj(e, ID_STRING);
  }

  /**
   * Like {@link #get}, for a read without the lock: bounds are checked before use, and a row
   * this thread does not see (an entry number from a newer index than its page directory, or
   * garbage from a slot read mid-write) reads as 0. Never throws.
   */
  long peek(int e, int column) {
    long[] page = visiblePage(e);
    return page == null ? 0L : page[(e & IN_PAGE) * longColumns + column];
  }

  /** The row page of entry {@code e} if this thread sees one, else null (bounds checked). */
  private long[] visiblePage(int e) {
    long[][] pages = rows;
    int p = e >>> PAGE_BITS;
    return e >= 0 && p < pages.length ? pages[p] : null;
  }

  /** Like {@link #obj}, for a read without the lock: null for a row not seen (see {@link #peek}). */
  Object peekObj(int e, int column) {
    Object[][] pages = objects;
    int p = e >>> PAGE_BITS;
    if (e < 0 || p >= pages.length) {
      return null;
    }
    Object[] page = pages[p];
    return page == null ? null : page[(e & IN_PAGE) * objectColumns + column];
  }

  long get(int e, int column) {
    return rows[e >>> PAGE_BITS][(e & IN_PAGE) * longColumns + column];
  }

  void set(int e, int column, long value) {
    rows[e >>> PAGE_BITS][(e & IN_PAGE) * longColumns + column] = value;
  }

  Object obj(int e, int column) {
    Object[] page = objects[e >>> PAGE_BITS];
    return page == null ? null : page[(e & IN_PAGE) * objectColumns + column];
  }

  void setObj(int e, int column, Object value) {
    int p = e >>> PAGE_BITS;
    if (objects[p] == null) {
      if (value == null) {
        return;
      }
      objects[p] = new Object[PAGE * objectColumns];
    }
    objects[p][(e & IN_PAGE) * objectColumns + column] = value;
  }

  private int allocate() {
    if (freeHead >= 0) {
      int e = freeHead;
      freeHead = (int) get(e, NEXT_FREE) - 1;
      set(e, NEXT_FREE, 0L);
      return e;
    }
    int e = highWater;
    int p = e >>> PAGE_BITS;
    if (p >= rows.length) {
      int pages = Math.max(p + 1, rows.length * 2);
      rows = Arrays.copyOf(rows, pages);
      objects = Arrays.copyOf(objects, pages);
    }
    if (rows[p] == null) {
      rows[p] = new long[PAGE * longColumns];
      if (eagerObjects) {
        objects[p] = new Object[PAGE * objectColumns];
      }
    }
    highWater++;
    return e;
  }

  /** Moves the entries of the next {@code slots} old index slots into the new index. */
  private void move(int slots) {
    int[] old = oldIndex;
    int end = (int) Math.min(old.length, (long) moved + slots);
    for (int h = moved; h < end; h++) {
      int v = old[h];
      if (v != 0) {
        place(index, tagged, entryOf(v));
      }
    }
    moved = end;
    if (end == old.length) {
      oldIndex = null;
    }
  }

  private void finishMove() {
    if (oldIndex != null) {
      move(oldIndex.length);
    }
  }

  /** Whether the index is being moved into a larger one (for tests). */
  boolean growing() {
    return oldIndex != null;
  }

  /** Number of slots of the (new) index (for tests). */
  int indexSlots() {
    return index.length;
  }

  private void rebuildIndex(int length, boolean withTags) {
    int[] idx = new int[length];
    forEachLive(0, highWater, e -> place(idx, withTags, e));
    index = idx;
    tagged = withTags;
  }

  /** Puts entry {@code e} into the first free slot from its home. */
  private void place(int[] idx, boolean withTags, int e) {
    int mask = idx.length - 1;
    int hash = hashOf(e);
    int h = hash & mask;
    while (idx[h] != 0) {
      h = (h + 1) & mask;
    }
    idx[h] = withTags ? (hash >>> ENTRY_BITS) << ENTRY_BITS | (e + 1) : e + 1;
  }

  /** The entry of a non-empty slot value. */
  private int entryOf(int v) {
    return (tagged ? v & ENTRY_MASK : v) - 1;
  }

  /** Whether the slots carry hash tags (false once the table outgrew them). */
  boolean tagged() {
    return tagged;
  }

  private int hashOf(int e) {
    long head = get(e, ID_HEAD);
    return head != 0 ? packedHash(head, get(e, ID_TAIL)) : stringHash((String) obj(e, ID_STRING));
  }

  /** The hash the table uses for an id (for tests of its distribution). */
  int hashOf(String id) {
    long head = PackedId.head(id);
    return hash(head, head != PackedId.NOT_PACKABLE ? PackedId.tail(id) : 0L, id);
  }

  /** The hash of an id given its packed words ({@code head} NOT_PACKABLE: hashed as a string). */
  private int hash(long head, long tail, String id) {
    return head != PackedId.NOT_PACKABLE ? packedHash(head, tail) : stringHash(id);
  }

  private int stringHash(String id) {
    long h = seed ^ 0x632BE59BD9B4E019L;
    for (int i = 0; i < id.length(); i++) {
      h = Long.rotateLeft(h ^ id.charAt(i), 23) * 0x9E3779B97F4A7C15L;
    }
    return mix(h ^ id.length());
  }

  private int packedHash(long head, long tail) {
    return mix((head ^ seed) * 0x9E3779B97F4A7C15L + tail);
  }

  /** The finalizer of SplitMix64, folded to an int. */
  private static int mix(long h) {
    h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
    h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
    return (int) (h ^ (h >>> 31));
  }
}
