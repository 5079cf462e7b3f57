package no.ks.barometer.aggregation;

import java.util.List;

/**
 * The figures of one item (participation, a question or a grid row) for every segment.
 *
 * @param question  the question id, null for participation
 * @param row       the grid row's code, null unless a grid row
 * @param perChoice shares are of respondents choosing each option (multiple choice), so they need not add to one
 */
public record Table(String key, String question, Integer row, String text, boolean perChoice,
                    List<Category> categories, List<SegmentFigures> segments) {
    public Table {
        categories = List.copyOf(categories);
        segments = List.copyOf(segments);
    }
}
