// The questionnaire rules of docs/questionnaire-format.md that the browser needs for instant feedback: the
// problems of a page before it is sent. What the saved state shows (visible pages, offered options and rows, the
// next page, progress) comes with the server's reply. The server (no.ks.barometer.rules.RulesEngine) runs the same
// rules and is the authority; both pass the same conformance vectors. Pure: no DOM, no I/O, nothing passed in is
// changed, so it runs in Node and browsers alike.

/** The general Norwegian message of each problem code; a problem may carry a more specific one. */
const GENERAL_MESSAGES = Object.freeze({
  PAGE_UNKNOWN: 'Siden finnes ikke i spørreskjemaet.',
  PAGE_NOT_REACHABLE: 'Denne siden kan ikke lagres nå. Svar på de foregående sidene først.',
  UNKNOWN_QUESTION: 'Spørsmålet finnes ikke i spørreskjemaet.',
  QUESTION_NOT_ON_PAGE: 'Spørsmålet hører til en annen side.',
  QUESTION_HIDDEN: 'Spørsmålet skal ikke besvares ut fra svarene du har gitt.',
  WRONG_ANSWER_TYPE: 'Svaret har feil form for dette spørsmålet.',
  INVALID_CHARACTERS: 'Teksten inneholder tegn som ikke er tillatt. Fjern dem og prøv igjen.',
});

const REQUIRED_MESSAGES = Object.freeze({
  single: 'Dette spørsmålet må besvares. Velg et svaralternativ.',
  multiple: 'Dette spørsmålet må besvares. Velg minst ett svaralternativ.',
  text: 'Dette spørsmålet må besvares. Skriv svaret ditt i tekstfeltet.',
  grid: 'Dette spørsmålet må besvares. Velg et svar på hver linje.',
});

const WRONG_TYPE_MESSAGES = Object.freeze({
  single: 'Svaret har feil form: dette spørsmålet besvares med ett svaralternativ.',
  multiple: 'Svaret har feil form: dette spørsmålet besvares med ett eller flere svaralternativer.',
  text: 'Svaret har feil form: dette spørsmålet besvares med tekst.',
  grid: 'Svaret har feil form: dette spørsmålet besvares med ett svar per linje.',
});

function problem(code, question, message = GENERAL_MESSAGES[code], extra = {}) {
  return { question, code, message, ...extra };
}

function questionsInOrder(definition) {
  return definition.pages.flatMap((page) => page.questions.map((question) => ({ page, question })));
}

function findPage(definition, pageId) {
  return definition.pages.find((page) => page.id === pageId) ?? null;
}

function findQuestion(definition, questionId) {
  for (const page of definition.pages) {
    const question = page.questions.find((q) => q.id === questionId);
    if (question) return question;
  }
  return null;
}

function pageOf(definition, questionId) {
  return definition.pages.find((page) => page.questions.some((q) => q.id === questionId)) ?? null;
}

// ---- Texts: the same definitions as the server's ----

/** Empty or only spaces, tabs and line breaks: counts as no text. */
function isBlank(text) {
  return text === null || text === undefined || /^[ \t\n\r]*$/.test(text);
}

/** Control characters other than tab and line breaks, C1 controls, and unpaired surrogates. */
function hasInvalidCharacters(text) {
  if (typeof text !== 'string') return false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x20) {
      if (c !== 0x09 && c !== 0x0a && c !== 0x0d) return true;
    } else if (c >= 0x7f && c <= 0x9f) {
      return true;
    } else if (c >= 0xd800 && c <= 0xdbff) {
      const low = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (low < 0xdc00 || low > 0xdfff) return true;
      i += 1;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return true;
    }
  }
  return false;
}

// ---- Answers: their shape is read from their keys, whether it fits the question is decided later ----

const isPlainObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

/** A row key is a row code written as a plain decimal integer ("1", "12"). */
function rowCode(key) {
  if (!/^-?\d{1,9}$/.test(key)) return null;
  const code = Number(key);
  return String(code) === key ? code : null;
}

/** A JSON number the server reads as a code: an integer that fits in 32 bits. */
function isCode(value) {
  return Number.isInteger(value) && value >= -2147483648 && value <= 2147483647;
}

/** The answer `node` holds as { kind, … }, or null when it has none of the documented shapes. */
function readAnswer(node) {
  if (!isPlainObject(node)) return null;
  const keys = Object.keys(node);
  const hasOther = Object.hasOwn(node, 'other');
  if (hasOther && node.other !== null && typeof node.other !== 'string') return null;
  const other = hasOther && typeof node.other === 'string' ? node.other : null;
  if (keys.length === (hasOther ? 2 : 1)) {
    if (Object.hasOwn(node, 'choice')) {
      return isCode(node.choice) ? { kind: 'single', code: node.choice, other } : null;
    }
    if (Object.hasOwn(node, 'choices')) {
      if (!Array.isArray(node.choices) || !node.choices.every(isCode)) return null;
      return { kind: 'multiple', codes: [...node.choices], other };
    }
  }
  if (keys.length === 1 && !hasOther) {
    if (Object.hasOwn(node, 'text')) return typeof node.text === 'string' ? { kind: 'text', text: node.text } : null;
    if (Object.hasOwn(node, 'rows')) {
      if (!isPlainObject(node.rows)) return null;
      const rows = new Map();
      for (const [key, column] of Object.entries(node.rows)) {
        const code = rowCode(key);
        if (code === null || typeof column !== 'string' || rows.has(code)) return null;
        rows.set(code, column);
      }
      return { kind: 'grid', rows };
    }
  }
  return null;
}

function answerTexts(answer) {
  if (answer.kind === 'text') return [answer.text];
  if (answer.kind === 'single' || answer.kind === 'multiple') return answer.other === null ? [] : [answer.other];
  return [];
}

/** Says nothing: no choice and no other text, a blank text, or no row. Treated as no answer. */
function isEmpty(answer) {
  switch (answer.kind) {
    case 'single': return false;
    case 'multiple': return answer.codes.length === 0 && answer.other === null;
    case 'text': return isBlank(answer.text);
    default: return answer.rows.size === 0;
  }
}

/** Has what a required question needs at the least: a choice, a non-blank text, or a row. */
function answered(answer) {
  return answer !== null && !isEmpty(answer) && (answer.kind !== 'multiple' || answer.codes.length > 0);
}

function chosen(answer, code) {
  if (!answer) return false;
  if (answer.kind === 'multiple') return answer.codes.includes(code);
  return answer.kind === 'single' && answer.code === code;
}

// ---- Options, rows and conditions ----

function offeredToOrgType(item, orgType) {
  return !Array.isArray(item.orgTypes) || item.orgTypes.includes(orgType);
}

function isCarried(question, code) {
  return Boolean(question.carryForward) && question.carryForward.codes.includes(code);
}

function offered(question, option, orgType, effective) {
  if (!offeredToOrgType(option, orgType)) return false;
  return !isCarried(question, option.code) || chosen(effective.get(question.carryForward.question), option.code);
}

function rowsFor(question, orgType) {
  return (question.rows ?? []).filter((row) => offeredToOrgType(row, orgType));
}

function conditionHolds(condition, orgType, effective) {
  if ('all' in condition) return condition.all.every((c) => conditionHolds(c, orgType, effective));
  if ('any' in condition) return condition.any.some((c) => conditionHolds(c, orgType, effective));
  if ('not' in condition) return !conditionHolds(condition.not, orgType, effective);
  if ('orgType' in condition) return condition.orgType === orgType;
  const answer = effective.get(condition.question);
  return condition.anyOf.some((code) => chosen(answer, code));
}

/** The answer without carried-forward choices no longer chosen in the source; null when nothing is left. */
function withoutWithdrawnChoices(question, answer, effective) {
  if (!question.carryForward) return answer;
  const source = effective.get(question.carryForward.question);
  const withdrawn = (code) => isCarried(question, code) && !chosen(source, code);
  if (answer.kind === 'single') return withdrawn(answer.code) ? null : answer;
  if (answer.kind !== 'multiple') return answer;
  const kept = answer.codes.filter((code) => !withdrawn(code));
  if (kept.length === answer.codes.length) return answer;
  if (kept.length === 0) return null;
  const otherKept = kept.some((code) => question.options.find((o) => o.code === code)?.other);
  return { kind: 'multiple', codes: kept, other: otherKept ? answer.other : null };
}

function ending(question, orgType, answer) {
  if (answer.kind !== 'single') return null;
  const option = (question.options ?? []).find((o) => o.code === answer.code);
  return option && option.endsSurvey && offeredToOrgType(option, orgType) ? option.endsSurvey : null;
}

/** Answered as far as a required question needs: a choice, a text, or every shown row of a grid. */
function complete(question, orgType, answer) {
  if (!answer) return false;
  if (answer.kind === 'multiple') return answer.codes.length > 0;
  if (answer.kind === 'grid' && question.type === 'grid') {
    return rowsFor(question, orgType).every((row) => answer.rows.has(row.code));
  }
  return true;
}

/**
 * One pass over the questions in order: visibility, the effective answers (those of visible questions, without
 * withdrawn carried-forward choices, without answers that say nothing), the ending, and the pages done. A
 * condition sees only effective answers, so a hidden answer never makes anything visible; after an ending
 * nothing more is visible.
 */
function evaluate(definition, orgType, answersById, savedPages) {
  const visible = new Set();
  const effective = new Map();
  const pageVisible = new Set();
  const pageMissing = new Set();
  let ended = null;
  for (const { page, question } of questionsInOrder(definition)) {
    if (ended || (question.visibleWhen && !conditionHolds(question.visibleWhen, orgType, effective))) continue;
    visible.add(question.id);
    pageVisible.add(page.id);
    const given = answersById.get(question.id) ?? null;
    if (given && !isEmpty(given)) {
      const answer = withoutWithdrawnChoices(question, given, effective);
      if (answer) {
        effective.set(question.id, answer);
        ended = ending(question, orgType, answer);
      }
    }
    if (question.required && !complete(question, orgType, effective.get(question.id))) pageMissing.add(page.id);
  }
  const saved = new Set(savedPages ?? []);
  const visiblePages = definition.pages.filter((page) => pageVisible.has(page.id));
  const done = new Set(visiblePages.filter((page) => saved.has(page.id) && !pageMissing.has(page.id)).map((p) => p.id));
  return { orgType, visible, effective, stored: answersById, visiblePages, done, saved };
}

function readAnswers(answers) {
  const read = new Map();
  for (const [id, node] of Object.entries(answers ?? {})) {
    const answer = readAnswer(node);
    if (answer) read.set(id, answer);
  }
  return read;
}

function reachableIn(evaluation, pageId) {
  for (const page of evaluation.visiblePages) {
    if (page.id === pageId) return true;
    if (!evaluation.done.has(page.id)) return false;
  }
  return false;
}

// ---- Checking answers ----

function checkChoices(definition, question, codes, other, evaluation, problems) {
  const id = question.id;
  const maxChoices = question.type === 'single' ? 1 : (Number.isInteger(question.maxChoices) ? question.maxChoices : Infinity);
  const otherOption = question.options.find((o) => o.other) ?? null;
  let otherChosen = false;
  let distinct = 0;
  let exclusive = null;
  codes.forEach((code, index) => {
    const option = question.options.find((o) => o.code === code) ?? null;
    if (codes.indexOf(code) < index) {
      problems.push(problem('DUPLICATE_CHOICE', id, option
        ? `«${option.text}» er valgt mer enn én gang.` : 'Det samme svaralternativet er valgt flere ganger.', { option: code }));
      return;
    }
    distinct += 1;
    if (!option) {
      problems.push(problem('UNKNOWN_OPTION', id, `Svaralternativ ${code} finnes ikke i dette spørsmålet.`, { option: code }));
      return;
    }
    if (!offered(question, option, evaluation.orgType, evaluation.effective)) {
      problems.push(problem('OPTION_NOT_OFFERED', id, `«${option.text}» kan ikke velges her.`, { option: code }));
    }
    if (option.exclusive && !exclusive) exclusive = option;
    if (option === otherOption) otherChosen = true;
  });
  if (distinct > maxChoices) {
    problems.push(problem('TOO_MANY_CHOICES', id, maxChoices === 1
      ? 'Du kan bare velge ett svaralternativ.' : `Du kan velge inntil ${maxChoices} svaralternativer.`));
  }
  if (exclusive && distinct > 1) {
    problems.push(problem('EXCLUSIVE_CONFLICT', id, `«${exclusive.text}» kan ikke kombineres med andre svaralternativer.`,
      { option: exclusive.code }));
  }
  if (otherChosen) {
    const where = { option: otherOption.code };
    if (isBlank(other)) {
      problems.push(problem('OTHER_TEXT_MISSING', id, `Du har valgt «${otherOption.text}». Skriv i tekstfeltet hva det gjelder.`, where));
    } else {
      if (other.length > definition.limits.otherMaxLength) {
        problems.push(problem('OTHER_TEXT_TOO_LONG', id, `Teksten i tekstfeltet kan ha høyst ${definition.limits.otherMaxLength} tegn.`, where));
      }
      if (hasInvalidCharacters(other)) problems.push(problem('INVALID_CHARACTERS', id, undefined, where));
    }
  } else if (other !== null) {
    problems.push(problem('OTHER_TEXT_NOT_ALLOWED', id, otherOption
      ? `Tekstfeltet kan bare fylles ut når «${otherOption.text}» er valgt.`
      : 'Dette spørsmålet har ikke noe tekstfelt for «Annet».'));
  }
}

function checkGrid(question, answer, orgType, problems) {
  const id = question.id;
  const shown = rowsFor(question, orgType);
  for (const [code, column] of answer.rows) {
    const row = shown.find((r) => r.code === code);
    if (!row) {
      problems.push(problem('GRID_ROW_UNKNOWN', id, `Linje ${code} finnes ikke i dette spørsmålet.`, { row: code }));
    } else if (!question.columns.some((c) => c.code === column)) {
      problems.push(problem('GRID_COLUMN_UNKNOWN', id, `Velg et av de oppgitte svarene for «${row.text}».`, { row: code }));
    }
  }
  if (!question.required) return;
  for (const row of shown) {
    if (!answer.rows.has(row.code)) {
      problems.push(problem('GRID_ROW_MISSING', id, `Velg et svar for «${row.text}».`, { row: row.code }));
    }
  }
}

/** The checks of one question's given answer within the evaluation it is part of. */
function checkQuestion(definition, question, evaluation, problems) {
  const id = question.id;
  const answer = evaluation.stored.get(id) ?? null;
  if (!evaluation.visible.has(id)) {
    if (answer && !isEmpty(answer)) problems.push(problem('QUESTION_HIDDEN', id));
    return;
  }
  if (question.required && !answered(answer)) problems.push(problem('REQUIRED', id, REQUIRED_MESSAGES[question.type]));
  if (!answer || isEmpty(answer)) return;
  const wrongType = () => problems.push(problem('WRONG_ANSWER_TYPE', id, WRONG_TYPE_MESSAGES[question.type]));
  switch (question.type) {
    case 'single':
      if (answer.kind === 'single') checkChoices(definition, question, [answer.code], answer.other, evaluation, problems);
      else if (answer.kind === 'multiple' && answer.codes.length > 1) {
        problems.push(problem('TOO_MANY_CHOICES', id, 'Du kan bare velge ett svaralternativ.'));
      } else wrongType();
      return;
    case 'multiple':
      if (answer.kind === 'multiple') checkChoices(definition, question, answer.codes, answer.other, evaluation, problems);
      else wrongType();
      return;
    case 'text':
      if (answer.kind !== 'text') {
        wrongType();
        return;
      }
      if (answer.text.length > definition.limits.textMaxLength) {
        problems.push(problem('TEXT_TOO_LONG', id, `Svaret kan ha høyst ${definition.limits.textMaxLength} tegn.`));
      }
      if (hasInvalidCharacters(answer.text)) problems.push(problem('INVALID_CHARACTERS', id));
      return;
    default:
      if (answer.kind === 'grid') checkGrid(question, answer, evaluation.orgType, problems);
      else wrongType();
  }
}

/**
 * Reads a page's answers as the server does: an unknown question, an answer of no documented shape, or a text
 * with characters that are not allowed is a problem, and the answer is left out of what is read.
 */
function readPageAnswers(definition, pageAnswers) {
  const read = new Map();
  const problems = [];
  if (!isPlainObject(pageAnswers)) {
    return { read, problems: [problem('WRONG_ANSWER_TYPE', null, 'Svarene må være et JSON-objekt.')] };
  }
  for (const [id, node] of Object.entries(pageAnswers)) {
    if (!findQuestion(definition, id)) {
      problems.push(problem('UNKNOWN_QUESTION', id));
      continue;
    }
    const answer = readAnswer(node);
    if (!answer) problems.push(problem('WRONG_ANSWER_TYPE', id));
    else if (answerTexts(answer).some(hasInvalidCharacters)) problems.push(problem('INVALID_CHARACTERS', id));
    else read.set(id, answer);
  }
  return { read, problems };
}

/** The problems of saving a page's already read answers: where it is, which questions it holds, each answer. */
function saveProblems(definition, state, pageId, read) {
  const before = evaluate(definition, state.orgType, readAnswers(state.answers), state.savedPages);
  const page = findPage(definition, pageId);
  if (!page) return [problem('PAGE_UNKNOWN', null)];
  if (!reachableIn(before, pageId)) return [problem('PAGE_NOT_REACHABLE', null)];
  const problems = [];
  const candidate = new Map(before.stored);
  for (const question of page.questions) candidate.delete(question.id);
  for (const [id, answer] of read) {
    if (pageOf(definition, id) !== page) problems.push(problem('QUESTION_NOT_ON_PAGE', id));
    else if (!isEmpty(answer)) candidate.set(id, answer);
  }
  const after = evaluate(definition, state.orgType, candidate, [...before.saved, pageId]);
  for (const question of page.questions) checkQuestion(definition, question, after, problems);
  return problems;
}

/**
 * The problems the server would answer a save of `pageAnswers` on `pageId` with (state: orgType, answers,
 * savedPages); empty when the page may be saved. As on the server, answers that cannot be read are reported, and
 * the page is checked with the others: an unread answer is missing to that check, which would otherwise report
 * its question a second time.
 */
export function validatePage(definition, state, pageId, pageAnswers) {
  const { read, problems: reading } = readPageAnswers(definition, pageAnswers);
  const unreadable = new Set(reading.map((p) => p.question));
  return [...reading, ...saveProblems(definition, state, pageId, read).filter((p) => !unreadable.has(p.question))];
}

export function withOrganisation(text, organisationName) {
  return String(text).replaceAll('{organisasjon}', organisationName);
}
