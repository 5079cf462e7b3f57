// Turning form fields into answers (docs/questionnaire-format.md, "Answers") and answers into readable text.
// Field names: a choice question's radios or checkboxes are named by the question id with the option code as
// value, its other-text field `<id>.other`, a text question's textarea `<id>`, a grid row's radios
// `<id>.row.<rowCode>` with the column code as value.

export function otherFieldName(questionId) {
  return `${questionId}.other`;
}

export function gridRowFieldName(questionId, rowCode) {
  return `${questionId}.row.${rowCode}`;
}

function valuesOf(entries, name) {
  return entries.filter(([key]) => key === name).map(([, value]) => String(value));
}

function otherText(question, chosen, entries) {
  const otherOption = question.options.find((option) => option.other && chosen.includes(option.code));
  if (!otherOption) return null;
  const text = (valuesOf(entries, otherFieldName(question.id))[0] ?? '').trim();
  return text === '' ? null : text;
}

function answerOf(question, entries) {
  switch (question.type) {
    case 'single': {
      const [value] = valuesOf(entries, question.id);
      if (value === undefined) return null;
      const choice = Number(value);
      const other = otherText(question, [choice], entries);
      return other === null ? { choice } : { choice, other };
    }
    case 'multiple': {
      const choices = valuesOf(entries, question.id).map(Number);
      if (choices.length === 0) return null;
      const other = otherText(question, choices, entries);
      return other === null ? { choices } : { choices, other };
    }
    case 'text': {
      const text = (valuesOf(entries, question.id)[0] ?? '').trim();
      return text === '' ? null : { text };
    }
    case 'grid': {
      const rows = {};
      for (const row of question.rows) {
        const [column] = valuesOf(entries, gridRowFieldName(question.id, row.code));
        if (column !== undefined) rows[String(row.code)] = column;
      }
      return Object.keys(rows).length === 0 ? null : { rows };
    }
    default:
      return null;
  }
}

/**
 * The answers to `questions` (the visible questions of one page) found in form `entries` ([name, value] pairs,
 * as FormData gives them). A question without an answer is left out; an other-text is sent only with its option.
 */
export function collectAnswers(questions, entries) {
  const list = Array.from(entries);
  const answers = {};
  for (const question of questions) {
    const answer = answerOf(question, list);
    if (answer !== null) answers[question.id] = answer;
  }
  return answers;
}

function optionText(question, code, other) {
  const option = question.options.find((o) => o.code === code);
  if (!option) return String(code);
  return option.other && other ? `${option.text}: ${other}` : option.text;
}

/** The answer as lines of text for the summary page; empty when unanswered. */
export function describeAnswer(question, answer) {
  if (!answer) return [];
  switch (question.type) {
    case 'single':
      return Number.isInteger(answer.choice) ? [optionText(question, answer.choice, answer.other)] : [];
    case 'multiple':
      return (answer.choices ?? []).map((code) => optionText(question, code, answer.other));
    case 'text':
      return answer.text ? [answer.text] : [];
    case 'grid':
      return question.rows
        .filter((row) => answer.rows?.[String(row.code)] !== undefined)
        .map((row) => {
          const code = answer.rows[String(row.code)];
          const column = question.columns.find((c) => c.code === code);
          return `${row.text}: ${column ? column.text : code}`;
        });
    default:
      return [];
  }
}
