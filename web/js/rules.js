// The questionnaire rules of docs/questionnaire-format.md, evaluated in the browser for fast feedback.
// The server runs the same rules in Java and is the authority; both pass the same conformance vectors.
// Pure: no DOM, no I/O, nothing mutated that was passed in, so it runs in Node and in the browser alike.

const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;

export const Completion = Object.freeze({
  COMPLETE: 'COMPLETE',
  IN_PROGRESS: 'IN_PROGRESS',
  DECLINED: 'DECLINED',
  WRONG_RECIPIENT: 'WRONG_RECIPIENT',
});

/** All questions of the definition in page order, each with the id of its page. */
export function questionsInOrder(definition) {
  return definition.pages.flatMap((page) => page.questions.map((question) => ({ page, question })));
}

export function findPage(definition, pageId) {
  return definition.pages.find((page) => page.id === pageId) ?? null;
}

export function findQuestion(definition, questionId) {
  for (const page of definition.pages) {
    const question = page.questions.find((q) => q.id === questionId);
    if (question) return question;
  }
  return null;
}

function offeredToOrgType(item, orgType) {
  return !Array.isArray(item.orgTypes) || item.orgTypes.includes(orgType);
}

function chosenCodes(answer) {
  if (!answer || typeof answer !== 'object') return [];
  if (Number.isInteger(answer.choice)) return [answer.choice];
  if (Array.isArray(answer.choices)) return answer.choices.filter(Number.isInteger);
  return [];
}

function conditionHolds(condition, orgType, visibleAnswers) {
  if ('all' in condition) return condition.all.every((c) => conditionHolds(c, orgType, visibleAnswers));
  if ('any' in condition) return condition.any.some((c) => conditionHolds(c, orgType, visibleAnswers));
  if ('not' in condition) return !conditionHolds(condition.not, orgType, visibleAnswers);
  if ('orgType' in condition) return condition.orgType === orgType;
  if ('question' in condition) {
    const chosen = chosenCodes(visibleAnswers.get(condition.question));
    return chosen.some((code) => condition.anyOf.includes(code));
  }
  throw new Error(`Ukjent betingelse: ${JSON.stringify(condition)}`);
}

/**
 * The visible questions, in order. Visibility is decided question by question in page order, and a condition
 * sees only the answers of questions already found visible: a hidden answer never makes anything visible.
 */
export function visibleQuestionIds(definition, orgType, answers) {
  const visibleAnswers = new Map();
  const visible = [];
  for (const { question } of questionsInOrder(definition)) {
    if (question.visibleWhen && !conditionHolds(question.visibleWhen, orgType, visibleAnswers)) continue;
    visible.push(question.id);
    if (answers && Object.hasOwn(answers, question.id)) visibleAnswers.set(question.id, answers[question.id]);
  }
  return visible;
}

/** The options offered to this respondent: filtered by organisation type and carry-forward. */
export function offeredOptions(question, orgType, answers) {
  const options = (question.options ?? []).filter((option) => offeredToOrgType(option, orgType));
  const carry = question.carryForward;
  if (!carry) return options;
  const carried = new Set(chosenCodes(answers?.[carry.question]));
  return options.filter((option) => !carry.codes.includes(option.code) || carried.has(option.code));
}

export function shownRows(question, orgType) {
  return (question.rows ?? []).filter((row) => offeredToOrgType(row, orgType));
}

function visibleSet(definition, orgType, answers) {
  return new Set(visibleQuestionIds(definition, orgType, answers));
}

export function visiblePageIds(definition, orgType, answers) {
  const visible = visibleSet(definition, orgType, answers);
  return definition.pages.filter((page) => page.questions.some((q) => visible.has(q.id))).map((page) => page.id);
}

/** Whether an answer counts as given for the required-ness of a question. */
export function isAnswered(question, answer, orgType) {
  if (!answer || typeof answer !== 'object') return false;
  switch (question.type) {
    case 'single':
      return Number.isInteger(answer.choice);
    case 'multiple':
      return Array.isArray(answer.choices) && answer.choices.length > 0;
    case 'text':
      return typeof answer.text === 'string' && answer.text.trim() !== '';
    case 'grid': {
      const rows = answer.rows && typeof answer.rows === 'object' ? answer.rows : {};
      return shownRows(question, orgType).every((row) => typeof rows[String(row.code)] === 'string');
    }
    default:
      return false;
  }
}

/** The status an `endsSurvey` option chose, or null while the survey goes on. */
export function endedBy(definition, orgType, answers) {
  const visible = visibleSet(definition, orgType, answers);
  for (const { question } of questionsInOrder(definition)) {
    if (!visible.has(question.id)) continue;
    const chosen = chosenCodes(answers?.[question.id]);
    const ending = (question.options ?? []).find((o) => o.endsSurvey && chosen.includes(o.code));
    if (ending) return ending.endsSurvey;
  }
  return null;
}

function pageDone(page, state, visible) {
  if (!state.savedPages.includes(page.id)) return false;
  return page.questions
    .filter((q) => visible.has(q.id) && q.required)
    .every((q) => isAnswered(q, state.answers[q.id], state.orgType));
}

function visiblePages(definition, visible) {
  return definition.pages.filter((page) => page.questions.some((q) => visible.has(q.id)));
}

/** The first visible page that is not done; null when the response can be submitted or has ended. */
export function nextPage(definition, state) {
  if (endedBy(definition, state.orgType, state.answers)) return null;
  const visible = visibleSet(definition, state.orgType, state.answers);
  const page = visiblePages(definition, visible).find((p) => !pageDone(p, state, visible));
  return page ? page.id : null;
}

export function isReachable(definition, state, pageId) {
  const visible = visibleSet(definition, state.orgType, state.answers);
  for (const page of visiblePages(definition, visible)) {
    if (page.id === pageId) return true;
    if (!pageDone(page, state, visible)) return false;
  }
  return false;
}

export function completion(definition, state) {
  const ended = endedBy(definition, state.orgType, state.answers);
  if (ended) return ended;
  return nextPage(definition, state) === null ? Completion.COMPLETE : Completion.IN_PROGRESS;
}

export function progress(definition, state) {
  const visible = visibleSet(definition, state.orgType, state.answers);
  const pages = visiblePages(definition, visible);
  const done = pages.filter((page) => pageDone(page, state, visible)).length;
  const total = pages.length;
  return { done, total, percent: total === 0 ? 0 : Math.floor((done * 100) / total) };
}

function problem(code, question, message, extra = {}) {
  return { question, code, message, ...extra };
}

function optionLabel(option) {
  return `«${option.text}»`;
}

function checkText(problems, questionId, text, maxLength, tooLongCode, extra = {}) {
  if (text.length > maxLength) {
    problems.push(problem(tooLongCode, questionId, `Teksten kan ha høyst ${maxLength} tegn.`, extra));
  }
  if (CONTROL_CHARACTERS.test(text)) {
    problems.push(problem('INVALID_CHARACTERS', questionId, 'Teksten inneholder tegn som ikke er tillatt.', extra));
  }
}

function hasOnly(answer, keys) {
  return Object.keys(answer).every((key) => keys.includes(key));
}

function checkChoices(definition, question, answer, orgType, answers, problems) {
  const isSingle = question.type === 'single';
  const wellFormed = isSingle
    ? hasOnly(answer, ['choice', 'other']) && Number.isInteger(answer.choice)
    : hasOnly(answer, ['choices', 'other']) && Array.isArray(answer.choices) && answer.choices.every(Number.isInteger);
  if (!wellFormed || ('other' in answer && typeof answer.other !== 'string')) {
    problems.push(problem('WRONG_ANSWER_TYPE', question.id, 'Svaret har feil form for dette spørsmålet.'));
    return;
  }
  const codes = isSingle ? [answer.choice] : answer.choices;
  const offered = new Set(offeredOptions(question, orgType, answers).map((o) => o.code));
  const seen = new Set();
  const chosen = [];
  for (const code of codes) {
    const option = question.options.find((o) => o.code === code);
    if (!option) {
      problems.push(problem('UNKNOWN_OPTION', question.id, 'Svaralternativet finnes ikke.', { option: code }));
    } else if (!offered.has(code)) {
      problems.push(problem('OPTION_NOT_OFFERED', question.id, `${optionLabel(option)} kan ikke velges her.`, { option: code }));
    } else if (seen.has(code)) {
      problems.push(problem('DUPLICATE_CHOICE', question.id, `${optionLabel(option)} er valgt mer enn én gang.`, { option: code }));
    } else {
      seen.add(code);
      chosen.push(option);
    }
  }
  if (!isSingle && Number.isInteger(question.maxChoices) && seen.size > question.maxChoices) {
    problems.push(problem('TOO_MANY_CHOICES', question.id, `Velg inntil ${question.maxChoices} svaralternativer.`));
  }
  const exclusive = chosen.find((o) => o.exclusive);
  if (exclusive && chosen.length > 1) {
    problems.push(problem('EXCLUSIVE_CONFLICT', question.id,
      `${optionLabel(exclusive)} kan ikke kombineres med andre svaralternativer.`, { option: exclusive.code }));
  }
  const otherOption = chosen.find((o) => o.other);
  const otherText = typeof answer.other === 'string' ? answer.other : null;
  if (otherOption && (otherText === null || otherText.trim() === '')) {
    problems.push(problem('OTHER_TEXT_MISSING', question.id, `Skriv hva ${optionLabel(otherOption)} gjelder.`, { option: otherOption.code }));
  } else if (!otherOption && otherText !== null) {
    problems.push(problem('OTHER_TEXT_NOT_ALLOWED', question.id, 'Tekst kan bare skrives når det åpne svaralternativet er valgt.'));
  } else if (otherOption) {
    checkText(problems, question.id, otherText, definition.limits.otherMaxLength, 'OTHER_TEXT_TOO_LONG', { option: otherOption.code });
  }
}

function checkAnswer(definition, question, answer, orgType, answers, problems) {
  if (!answer || typeof answer !== 'object' || Array.isArray(answer)) {
    problems.push(problem('WRONG_ANSWER_TYPE', question.id, 'Svaret har feil form for dette spørsmålet.'));
    return;
  }
  switch (question.type) {
    case 'single':
    case 'multiple':
      checkChoices(definition, question, answer, orgType, answers, problems);
      return;
    case 'text':
      if (!hasOnly(answer, ['text']) || typeof answer.text !== 'string') {
        problems.push(problem('WRONG_ANSWER_TYPE', question.id, 'Svaret har feil form for dette spørsmålet.'));
        return;
      }
      checkText(problems, question.id, answer.text, definition.limits.textMaxLength, 'TEXT_TOO_LONG');
      return;
    case 'grid': {
      const rows = answer.rows;
      if (!hasOnly(answer, ['rows']) || !rows || typeof rows !== 'object' || Array.isArray(rows)
        || Object.values(rows).some((v) => typeof v !== 'string')) {
        problems.push(problem('WRONG_ANSWER_TYPE', question.id, 'Svaret har feil form for dette spørsmålet.'));
        return;
      }
      const shown = new Set(shownRows(question, orgType).map((row) => String(row.code)));
      const columns = new Set(question.columns.map((column) => column.code));
      for (const [rowKey, column] of Object.entries(rows)) {
        const row = Number(rowKey);
        if (!shown.has(rowKey)) {
          problems.push(problem('GRID_ROW_UNKNOWN', question.id, 'Raden finnes ikke i dette spørsmålet.', { row: Number.isInteger(row) ? row : rowKey }));
        } else if (!columns.has(column)) {
          problems.push(problem('GRID_COLUMN_UNKNOWN', question.id, 'Svaralternativet finnes ikke.', { row }));
        }
      }
      return;
    }
    default:
      problems.push(problem('WRONG_ANSWER_TYPE', question.id, 'Svaret har feil form for dette spørsmålet.'));
  }
}

function requiredMessage(question) {
  if (question.type === 'single') return 'Velg ett av svaralternativene.';
  if (question.type === 'multiple') return 'Velg minst ett svaralternativ.';
  return 'Du må svare på dette spørsmålet.';
}

function checkRequired(question, answer, orgType, problems) {
  if (!question.required) return;
  if (question.type === 'grid') {
    const rows = answer && typeof answer.rows === 'object' && answer.rows !== null ? answer.rows : {};
    for (const row of shownRows(question, orgType)) {
      if (typeof rows[String(row.code)] !== 'string') {
        problems.push(problem('GRID_ROW_MISSING', question.id, `Velg et svar for «${row.text}».`, { row: row.code }));
      }
    }
    return;
  }
  if (!isAnswered(question, answer, orgType)) {
    problems.push(problem('REQUIRED', question.id, requiredMessage(question)));
  }
}

/** The problems of saving `pageAnswers` on `pageId` in `state`; empty when the page may be saved. */
export function validatePage(definition, state, pageId, pageAnswers) {
  const page = findPage(definition, pageId);
  if (!page) return [problem('PAGE_UNKNOWN', null, 'Siden finnes ikke.')];
  if (!isReachable(definition, state, pageId)) {
    return [problem('PAGE_NOT_REACHABLE', null, 'Siden kan ikke besvares før de foregående sidene er besvart.')];
  }
  const visible = visibleSet(definition, state.orgType, state.answers);
  const problems = [];
  for (const [questionId, answer] of Object.entries(pageAnswers)) {
    const question = findQuestion(definition, questionId);
    if (!question) {
      problems.push(problem('UNKNOWN_QUESTION', questionId, 'Spørsmålet finnes ikke.'));
    } else if (!page.questions.includes(question)) {
      problems.push(problem('QUESTION_NOT_ON_PAGE', questionId, 'Spørsmålet hører til en annen side.'));
    } else if (!visible.has(questionId)) {
      problems.push(problem('QUESTION_HIDDEN', questionId, 'Spørsmålet skal ikke besvares med svarene du har gitt.'));
    } else {
      checkAnswer(definition, question, answer, state.orgType, state.answers, problems);
    }
  }
  for (const question of page.questions) {
    if (visible.has(question.id)) checkRequired(question, pageAnswers[question.id], state.orgType, problems);
  }
  return problems;
}

/**
 * Saves a page: validates it, replaces the answers of the page's questions, marks the page saved, then drops
 * answers and saved pages that the change made hidden. Returns the problems and, when there are none, the new
 * state and the ids of the removed answers.
 */
export function savePage(definition, state, pageId, pageAnswers) {
  const problems = validatePage(definition, state, pageId, pageAnswers);
  if (problems.length > 0) return { problems, state, removedQuestions: [] };
  const page = findPage(definition, pageId);
  const answers = { ...state.answers };
  for (const question of page.questions) {
    if (Object.hasOwn(pageAnswers, question.id)) answers[question.id] = pageAnswers[question.id];
    else delete answers[question.id];
  }
  const visible = visibleSet(definition, state.orgType, answers);
  const removedQuestions = Object.keys(answers).filter((id) => !visible.has(id));
  for (const id of removedQuestions) delete answers[id];
  const shownPages = new Set(visiblePageIds(definition, state.orgType, answers));
  const savedPages = [...state.savedPages.filter((id) => id !== pageId), pageId].filter((id) => shownPages.has(id));
  const ordered = definition.pages.map((p) => p.id).filter((id) => savedPages.includes(id));
  return { problems: [], state: { orgType: state.orgType, answers, savedPages: ordered }, removedQuestions };
}

/** What still stands in the way of submitting: one REQUIRED/GRID_ROW_MISSING per unanswered visible question. */
export function submitProblems(definition, state) {
  const visible = visibleSet(definition, state.orgType, state.answers);
  const problems = [];
  for (const { question } of questionsInOrder(definition)) {
    if (visible.has(question.id)) checkRequired(question, state.answers[question.id], state.orgType, problems);
  }
  return problems;
}

/** The previous and following visible pages around `pageId`, for the Tilbake and Neste buttons. */
export function neighbours(definition, orgType, answers, pageId) {
  const pages = visiblePageIds(definition, orgType, answers);
  const index = pages.indexOf(pageId);
  return {
    previous: index > 0 ? pages[index - 1] : null,
    following: index >= 0 && index < pages.length - 1 ? pages[index + 1] : null,
  };
}

export function withOrganisation(text, organisationName) {
  return String(text).replaceAll('{organisasjon}', organisationName);
}
