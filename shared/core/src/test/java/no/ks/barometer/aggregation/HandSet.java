package no.ks.barometer.aggregation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.ks.barometer.invitation.Maalform;
import no.ks.barometer.invitation.Organisation;
import no.ks.barometer.questionnaire.OrgType;
import no.ks.barometer.questionnaire.Questionnaire;
import no.ks.barometer.questionnaire.TestDefinitions;
import no.ks.barometer.response.ResponseStatus;
import no.ks.barometer.rules.Answer;
import no.ks.barometer.rules.GridAnswer;
import no.ks.barometer.rules.MultipleChoice;
import no.ks.barometer.rules.OpenText;
import no.ks.barometer.rules.RulesEngine;
import no.ks.barometer.rules.SingleChoice;

/**
 * A small response set to the rules' test definition, small enough to count by hand (AggregatorTest has the
 * counts). Both organisation types; every status; a hidden question with a stale answer; a carried-forward choice
 * that is no longer offered; grid rows shown to one type only.
 */
final class HandSet {
    static final Questionnaire QUESTIONNAIRE = TestDefinitions.engineTest();
    static final RulesEngine ENGINE = new RulesEngine(QUESTIONNAIRE);
    static final TableLayout LAYOUT = new TableLayout(ENGINE);

    private HandSet() {
    }

    static Organisation kommune(String number, String county, int population) {
        return new Organisation(number, "Testkommune " + number, OrgType.KOMMUNE, county, "Fylke " + county,
                population, Maalform.BOKMAAL, List.of("postmottak@k" + number + ".kommune.example"));
    }

    static Organisation fylkeskommune(String county) {
        return new Organisation(county, "Testfylke " + county, OrgType.FYLKESKOMMUNE, county, "Fylke " + county,
                400_000, Maalform.NOEYTRAL, List.of("postmottak@f" + county + ".fylkeskommune.example"));
    }

    static ResponseRecord completed(Organisation organisation, Object... idThenAnswer) {
        return record(organisation, ResponseStatus.COMPLETED, idThenAnswer);
    }

    static ResponseRecord record(Organisation organisation, ResponseStatus status, Object... idThenAnswer) {
        Map<String, Answer> answers = new LinkedHashMap<>();
        for (int i = 0; i < idThenAnswer.length; i += 2) {
            answers.put((String) idThenAnswer[i], (Answer) idThenAnswer[i + 1]);
        }
        return new ResponseRecord(organisation, status, answers.isEmpty() ? null : QUESTIONNAIRE.version(),
                answers);
    }

    static SingleChoice one(int code) {
        return new SingleChoice(code);
    }

    static MultipleChoice many(Integer... codes) {
        return new MultipleChoice(List.of(codes));
    }

    static GridAnswer grid(int row, String column, int row2, String column2) {
        return new GridAnswer(Map.of(row, column, row2, column2));
    }

    static List<ResponseRecord> responses() {
        return List.of(
                // kommune, 50 000 and over, Vestlandet
                completed(kommune("4601", "46", 290_000), "Q0", one(1), "QA", one(1), "QB", many(1, 2),
                        "QC", many(2), "QD", grid(1, "a", 3, "b"), "QZ", new OpenText("Fritekst telles aldri")),
                // kommune, under 5 000, Vestlandet: QA = 2 hides QB, whose stale answer is not counted
                completed(kommune("4602", "46", 3_000), "Q0", one(1), "QA", one(2), "QB", many(3),
                        "QE", new OpenText("Mer tid")),
                // kommune, 5 000-19 999, Nord-Norge: Vet ikke in QB hides QC and QD
                completed(kommune("1801", "18", 12_000), "Q0", one(1), "QA", one(1), "QB", many(5)),
                // kommune, 20 000-49 999, Nord-Norge: QC's 1 is not offered (QB has no 1), so only 2 counts
                completed(kommune("1802", "18", 25_000), "Q0", one(1), "QA", one(1), "QB", many(2, 6),
                        "QC", many(1, 2), "QD", grid(1, "b", 3, "b")),
                // fylkeskommune, Vestlandet
                completed(fylkeskommune("46"), "Q0", one(1), "QA", one(1), "QB", new MultipleChoice(List.of(3, 7)),
                        "QC", many(3), "QD", grid(2, "a", 3, "a"), "QF", new OpenText("Beskrivelse")),
                // fylkeskommune, Nord-Norge: the other-specify text is never counted
                completed(fylkeskommune("18"), "Q0", one(1), "QA", new SingleChoice(3, "Egen måte"),
                        "QF", new OpenText("Kort")),
                record(kommune("3101", "31", 31_444), ResponseStatus.DECLINED, "Q0", one(2)),
                record(kommune("0301", "03", 717_710), ResponseStatus.WRONG_RECIPIENT, "Q0", one(3)),
                record(fylkeskommune("31"), ResponseStatus.IN_PROGRESS, "Q0", one(1), "QA", one(1)),
                record(kommune("4201", "42", 7_000), ResponseStatus.INVITED));
    }

    static Counts counts() {
        Aggregator aggregator = new Aggregator(LAYOUT);
        responses().forEach(aggregator::accept);
        return aggregator.counts();
    }
}
