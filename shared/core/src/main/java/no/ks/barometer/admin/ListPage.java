package no.ks.barometer.admin;

import java.util.List;
import java.util.Optional;

/**
 * One page of a long list.
 *
 * @param next the cursor that asks for the page after this one; empty on the last page
 */
public record ListPage<T>(List<T> items, Optional<String> next) {

    public ListPage {
        items = List.copyOf(items);
    }
}
