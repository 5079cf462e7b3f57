// A small questionnaire that uses every rule of docs/questionnaire-format.md once, for the unit tests.
export const smallDefinition = Object.freeze({
  id: 'liten-test',
  version: 1,
  language: 'nb',
  title: 'Liten test',
  everyPageNote: null,
  introduction: [{ type: 'paragraph', text: 'Hei {organisasjon}.' }],
  closing: 'Takk.',
  endings: { DECLINED: 'Du deltar ikke.', WRONG_RECIPIENT: 'Feil mottaker.' },
  limits: { textMaxLength: 20, otherMaxLength: 10 },
  pages: [
    { id: 'p1', section: 'Start', info: null, questions: [
      { id: 'A', type: 'single', text: 'Vil du delta?', required: true, options: [
        { code: 1, text: 'Ja' },
        { code: 2, text: 'Nei', endsSurvey: 'DECLINED' },
        { code: 3, text: 'Feil mottaker', endsSurvey: 'WRONG_RECIPIENT' },
      ] },
    ] },
    { id: 'p2', section: null, info: null, questions: [
      { id: 'B', type: 'single', text: 'Jobber dere med dette?', required: true, options: [
        { code: 1, text: 'Ja' }, { code: 2, text: 'Nei' }, { code: 3, text: 'Annen måte', other: true },
      ] },
    ] },
    { id: 'p3', section: 'Mer', info: null, questions: [
      { id: 'C', type: 'multiple', text: 'Hvilke?', required: true, maxChoices: 2,
        visibleWhen: { question: 'B', anyOf: [1] }, options: [
          { code: 1, text: 'En' }, { code: 2, text: 'To' }, { code: 3, text: 'Tre' },
          { code: 4, text: 'Annet', other: true }, { code: 5, text: 'Vet ikke', exclusive: true },
          { code: 6, text: 'Bare kommuner', orgTypes: ['kommune'] },
        ] },
    ] },
    { id: 'p4', section: null, info: null, questions: [
      { id: 'D', type: 'multiple', text: 'Hvilken viktigst?', required: true,
        visibleWhen: { question: 'C', anyOf: [1, 2, 3] }, carryForward: { question: 'C', codes: [1, 2, 3] }, options: [
          { code: 1, text: 'En' }, { code: 2, text: 'To' }, { code: 3, text: 'Tre' },
          { code: 9, text: 'Ingen', exclusive: true },
        ] },
    ] },
    { id: 'p5', section: null, info: 'Rutenett', questions: [
      { id: 'E', type: 'grid', text: 'Hvor enig?', required: true,
        visibleWhen: { all: [{ question: 'B', anyOf: [1, 3] }, { not: { orgType: 'fylkeskommune' } }] },
        rows: [
          { code: 1, text: 'Kommunerad', orgTypes: ['kommune'] },
          { code: 2, text: 'Fylkesrad', orgTypes: ['fylkeskommune'] },
          { code: 3, text: 'Felles rad' },
        ],
        columns: [{ code: 'a', text: 'Enig' }, { code: 'b', text: 'Uenig' }] },
      { id: 'G', type: 'single', text: 'Valgfritt', required: false,
        visibleWhen: { any: [{ question: 'D', anyOf: [1] }, { orgType: 'fylkeskommune' }] },
        options: [{ code: 1, text: 'Ja' }, { code: 2, text: 'Nei' }] },
    ] },
    { id: 'p6', section: null, info: null, questions: [
      { id: 'F', type: 'text', text: 'Kommentar', required: false },
    ] },
  ],
});
