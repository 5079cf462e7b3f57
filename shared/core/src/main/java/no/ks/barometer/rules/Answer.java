package no.ks.barometer.rules;

/** One question's answer; its shape follows the question's type (docs/questionnaire-format.md, "Answers"). */
public sealed interface Answer permits SingleChoice, MultipleChoice, OpenText, GridAnswer {
}
