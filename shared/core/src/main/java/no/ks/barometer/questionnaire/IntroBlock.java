package no.ks.barometer.questionnaire;

import java.util.List;

/** A block of the introduction shown before the first page. */
public sealed interface IntroBlock {

    record Paragraph(String text) implements IntroBlock {
    }

    record BulletList(List<String> items) implements IntroBlock {
        public BulletList {
            items = List.copyOf(items);
        }
    }
}
