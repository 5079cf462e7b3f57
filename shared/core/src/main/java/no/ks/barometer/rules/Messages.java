package no.ks.barometer.rules;

import no.ks.barometer.questionnaire.GridRow;
import no.ks.barometer.questionnaire.Option;
import no.ks.barometer.questionnaire.QuestionType;

/** The specific Norwegian messages, worded for the respondent looking at the question. */
final class Messages {
    private Messages() {
    }

    static String required(QuestionType type) {
        return switch (type) {
            case SINGLE -> "Dette spørsmålet må besvares. Velg et svaralternativ.";
            case MULTIPLE -> "Dette spørsmålet må besvares. Velg minst ett svaralternativ.";
            case TEXT -> "Dette spørsmålet må besvares. Skriv svaret ditt i tekstfeltet.";
            case GRID -> "Dette spørsmålet må besvares. Velg et svar på hver linje.";
        };
    }

    static String tooManyChoices(int maxChoices) {
        return maxChoices == 1
                ? "Du kan bare velge ett svaralternativ."
                : "Du kan velge inntil " + maxChoices + " svaralternativer.";
    }

    static String exclusiveConflict(Option option) {
        return "«" + option.text() + "» kan ikke kombineres med andre svaralternativer.";
    }

    static String otherTextMissing(Option option) {
        return "Du har valgt «" + option.text() + "». Skriv i tekstfeltet hva det gjelder.";
    }

    static String otherTextNotAllowed(Option otherOption) {
        return otherOption == null
                ? "Dette spørsmålet har ikke noe tekstfelt for «Annet»."
                : "Tekstfeltet kan bare fylles ut når «" + otherOption.text() + "» er valgt.";
    }

    static String otherTextTooLong(int limit) {
        return "Teksten i tekstfeltet kan ha høyst " + limit + " tegn.";
    }

    static String textTooLong(int limit) {
        return "Svaret kan ha høyst " + limit + " tegn.";
    }

    static String unknownOption(int code) {
        return "Svaralternativ " + code + " finnes ikke i dette spørsmålet.";
    }

    static String optionNotOffered(Option option) {
        return "«" + option.text() + "» kan ikke velges her.";
    }

    static String duplicateChoice(Option option) {
        return "«" + option.text() + "» er valgt mer enn én gang.";
    }

    static String gridRowMissing(GridRow row) {
        return "Velg et svar for «" + row.text() + "».";
    }

    static String gridRowUnknown(int code) {
        return "Linje " + code + " finnes ikke i dette spørsmålet.";
    }

    static String gridColumnUnknown(GridRow row) {
        return "Velg et av de oppgitte svarene for «" + row.text() + "».";
    }

    static String wrongAnswerType(QuestionType type) {
        return switch (type) {
            case SINGLE -> "Svaret har feil form: dette spørsmålet besvares med ett svaralternativ.";
            case MULTIPLE -> "Svaret har feil form: dette spørsmålet besvares med ett eller flere svaralternativer.";
            case TEXT -> "Svaret har feil form: dette spørsmålet besvares med tekst.";
            case GRID -> "Svaret har feil form: dette spørsmålet besvares med ett svar per linje.";
        };
    }
}
