package dev.incidents.support.http;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Cursor paging for lists that grow: {@code limit} items at most, from {@code after} on (an opaque cursor naming the
 * last item of the previous page), and a {@code Link: <...>; rel="next"} header (RFC 8288) while there may be more.
 * A cursor is a position (a time and an id) in a fixed order, so pages neither skip nor repeat an item when items
 * are added or removed between two requests.
 */
public final class Paging {

    /** Where an item stands in a list's order: its time, then its id. */
    public record Position(Instant at, String id) {

        public static final Comparator<Position> OLDEST_FIRST = Comparator.comparing(Position::at)
                .thenComparing(Position::id);
        public static final Comparator<Position> NEWEST_FIRST = Comparator.comparing(Position::at).reversed()
                .thenComparing(Position::id);

        public String encode() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString((at.toEpochMilli() + "|" + id)
                    .getBytes(StandardCharsets.UTF_8));
        }

        static Position decode(String cursor) {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = text.indexOf('|');
            if (bar < 1) {
                throw new IllegalArgumentException("no position");
            }
            return new Position(Instant.ofEpochMilli(Long.parseLong(text.substring(0, bar))), text.substring(bar + 1));
        }
    }

    /** What a client asked for: how many, and from where. */
    public record Request(int limit, Optional<Position> after) {

        /**
         * @throws InvalidField naming the parameter, for a limit out of 1..max or a cursor this API did not make
         */
        public static Request of(Integer limit, String after, int defaultLimit, int maxLimit) {
            if (limit != null && (limit < 1 || limit > maxLimit)) {
                throw new InvalidField("limit", "limit must be between 1 and " + maxLimit + ".");
            }
            Optional<Position> position;
            try {
                position = after == null ? Optional.empty() : Optional.of(Position.decode(after));
            } catch (IllegalArgumentException e) {
                throw new InvalidField("after", "after must be a cursor from a Link header of this list.");
            }
            return new Request(limit == null ? defaultLimit : limit, position);
        }
    }

    /** One page, and the position to go on from if there may be more. */
    public record Page<T>(List<T> items, Optional<Position> next) {

        /** 200 with the items and, if there may be more, a Link to the next page (the same query otherwise). */
        public Response response(UriInfo uri) {
            Response.ResponseBuilder ok = Response.ok(items);
            next.ifPresent(position -> ok.header("Link", "<" + uri.getRequestUriBuilder()
                    .replaceQueryParam("after", position.encode()).build().toString().replaceFirst("^[a-z]+://[^/]+",
                            "") + ">; rel=\"next\""));
            return ok.build();
        }
    }

    private Paging() {
    }

    /** The page of {@code items} (any order) that the request asks for, in {@code order}. */
    public static <T> Page<T> page(Stream<T> items, Function<T, Position> position, Comparator<Position> order,
                                   Request request) {
        return merge(List.of(part(items, position, order, request)), position, order, request);
    }

    /**
     * This instance's share of a page: at most {@code limit} items after the cursor, in order. Holds no more than
     * {@code limit} + 1 items at a time, however many the stream has.
     */
    public static <T> List<T> part(Stream<T> items, Function<T, Position> position, Comparator<Position> order,
                                   Request request) {
        Comparator<T> inOrder = Comparator.comparing(position, order);
        PriorityQueue<T> firstOnes = new PriorityQueue<>(inOrder.reversed());
        items.filter(item -> request.after().map(after -> order.compare(position.apply(item), after) > 0)
                        .orElse(true))
                .forEach(item -> {
                    firstOnes.add(item);
                    if (firstOnes.size() > request.limit()) {
                        firstOnes.poll();
                    }
                });
        List<T> part = new ArrayList<>(firstOnes);
        part.sort(inOrder);
        return List.copyOf(part);
    }

    /**
     * One page from several parts, each at most {@code limit} items after the cursor: a full part may have had more,
     * so then a next page is offered even if it turns out empty.
     */
    public static <T> Page<T> merge(List<List<T>> parts, Function<T, Position> position, Comparator<Position> order,
                                    Request request) {
        List<T> all = new ArrayList<>();
        boolean anyFull = false;
        for (List<T> part : parts) {
            all.addAll(part);
            anyFull |= part.size() >= request.limit();
        }
        all.sort(Comparator.comparing(position, order));
        List<T> page = all.subList(0, Math.min(all.size(), request.limit()));
        boolean more = all.size() > request.limit() || anyFull;
        return new Page<>(List.copyOf(page), more && !page.isEmpty()
                ? Optional.of(position.apply(page.getLast())) : Optional.empty());
    }
}
