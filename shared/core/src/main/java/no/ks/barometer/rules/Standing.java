package no.ks.barometer.rules;

import java.util.Optional;

/**
 * Where a respondent stands with one set of answers, as a reply shows it, from a single pass of the rules.
 *
 * @param nextPage the first visible page not done; empty when none is left or the survey has ended
 */
public record Standing(Optional<String> nextPage, Progress progress, Visibility visibility) {
}
