package dev.incidents.support.http;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Walking the pages of a list yields every item once, in order, even when items arrive between two requests. */
class PagingTest {

    record Item(String id, Instant at) {
    }

    static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void walking_every_page_yields_each_item_once_newest_first() {
        List<Item> items = IntStream.range(0, 7).mapToObj(i -> new Item("i" + i, T0.plusSeconds(i % 3))).toList();

        List<Item> walked = walk(items, 3, Paging.Position.NEWEST_FIRST);

        assertThat(walked).containsExactlyInAnyOrderElementsOf(items).doesNotHaveDuplicates();
        assertThat(walked).extracting(Item::at).isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void an_item_added_before_the_cursor_between_two_pages_neither_repeats_nor_shifts_the_rest() {
        List<Item> items = new ArrayList<>(IntStream.range(0, 4).mapToObj(i -> new Item("i" + i, T0.plusSeconds(i)))
                .toList());
        Paging.Page<Item> first = page(items, Paging.Request.of(2, null, 100, 500), Paging.Position.OLDEST_FIRST);

        items.add(new Item("early", T0.minusSeconds(60)));
        Paging.Page<Item> second = page(items, new Paging.Request(2, first.next()), Paging.Position.OLDEST_FIRST);

        assertThat(first.items()).extracting(Item::id).containsExactly("i0", "i1");
        assertThat(second.items()).extracting(Item::id).containsExactly("i2", "i3");
    }

    @Test
    void parts_of_several_instances_merge_into_one_page_and_a_full_part_offers_a_next_page() {
        Paging.Request request = Paging.Request.of(2, null, 100, 500);
        List<Item> a = List.of(new Item("a1", T0.plusSeconds(5)), new Item("a2", T0.plusSeconds(1)));
        List<Item> b = List.of(new Item("b1", T0.plusSeconds(3)));

        Paging.Page<Item> page = Paging.merge(List.of(a, b), PagingTest::position, Paging.Position.NEWEST_FIRST,
                request);

        assertThat(page.items()).extracting(Item::id).containsExactly("a1", "b1");
        assertThat(page.next()).contains(new Paging.Position(T0.plusSeconds(3), "b1"));
        assertThat(Paging.merge(List.of(List.of(), List.of(new Item("c", T0))), PagingTest::position,
                Paging.Position.NEWEST_FIRST, request).next()).isEmpty();
    }

    @Test
    void a_limit_out_of_range_or_a_cursor_not_made_here_is_refused_naming_the_parameter() {
        assertThatThrownBy(() -> Paging.Request.of(0, null, 100, 500)).isInstanceOfSatisfying(
                InvalidField.class, e -> assertThat(e.field()).isEqualTo("limit"));
        assertThatThrownBy(() -> Paging.Request.of(501, null, 100, 500)).isInstanceOf(InvalidField.class);
        for (String cursor : List.of("not base64!", "bm8tYmFy", "eHxpZA")) {
            assertThatThrownBy(() -> Paging.Request.of(10, cursor, 100, 500)).as(cursor).isInstanceOfSatisfying(
                    InvalidField.class, e -> assertThat(e.field()).isEqualTo("after"));
        }
        assertThat(Paging.Request.of(null, null, 100, 500).limit()).isEqualTo(100);
    }

    private static List<Item> walk(List<Item> items, int limit, Comparator<Paging.Position> order) {
        List<Item> walked = new ArrayList<>();
        Optional<Paging.Position> after = Optional.empty();
        do {
            Paging.Page<Item> page = page(items, new Paging.Request(limit, after), order);
            walked.addAll(page.items());
            after = page.next();
        } while (after.isPresent());
        return walked;
    }

    private static Paging.Page<Item> page(List<Item> items, Paging.Request request,
                                          Comparator<Paging.Position> order) {
        return Paging.page(items.stream(), PagingTest::position, order, request);
    }

    private static Paging.Position position(Item item) {
        return new Paging.Position(item.at(), item.id());
    }
}
