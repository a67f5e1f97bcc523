/** The advice part of the OpenAPI document (core/api/openapi.ts adds what every operation shares). */
import type { OpenApiPart } from '../../core/module.ts';
import { exampleLink, exampleLinks, idParam, invalidInput, jsonSchema, keyOperation, problemResponse, publicRead, ref } from '../../core/api/index.ts';
import { addressees, adviceKinds, answers, policyFields } from './advice.schema.ts';
import { adviceStates } from './advice.workflow.ts';
import { answerSchema, requestSchema } from './advice.forms.ts';
import { givenStates, PAGE_SIZE } from './advice.register.ts';

const exampleId = idParam.example;
const exampleRecId = '0b7e8d2a-1c3f-4e5a-8b9c-7d6e5f4a3b2c';
const uuid = { type: 'string', format: 'uuid' };
const text = { type: 'string' };
const int = { type: 'integer' };
const oneOf = (values: readonly string[]) => ({ type: 'string', enum: [...values] });
const date = { type: ['string', 'null'], format: 'date' };
const dateTime = { type: ['string', 'null'], format: 'date-time' };
const links = (...names: string[]) => ({ type: 'object', properties: Object.fromEntries(names.map((n) => [n, ref('Link')])) });

const exampleAdvice = {
  id: exampleId,
  reference: '2026-004',
  kind: 'requested',
  subject: 'Beleidsplan Wmo 2027',
  question: 'Wat vindt de raad van het nieuwe beleidsplan?',
  policyField: 'wmo',
  addressee: 'college',
  status: 'answered',
  introduction: '',
  explanation: '',
  neededBy: '2026-10-01',
  sentAt: '2026-09-20T10:00:00.000Z',
  answerDueOn: '2026-11-01',
  answeredAt: '2026-10-28T09:00:00.000Z',
  wooCategory: 'adviezen',
  recommendations: [
    {
      id: exampleRecId,
      number: 1,
      text: 'Betrek mantelzorgers bij de keukentafelgesprekken.',
      answer: 'adopted',
      answerReason: '',
      answeredAt: '2026-10-28T09:00:00.000Z',
      followUp: '',
    },
  ],
  documents: [],
  _links: exampleLinks(`/raden/lindewijk/adviezen/${exampleId}`, `/lindewijk/adviezen/${exampleId}`),
};
const exampleRequest = {
  subject: 'Armoedebeleid 2027',
  question: 'Wil de raad advies geven over het nieuwe armoedebeleid?',
  policyField: 'participatiewet',
  addressee: 'college',
  addresseeEmail: 'college@gemeente.example',
  neededBy: '2027-03-01',
};
export const adviceOpenApi: OpenApiPart = {
  tags: [
    { name: 'adviezen', description: 'Het openbare adviesregister' },
    { name: 'adviesaanvragen', description: 'Aanvragen en antwoorden van de gemeente' },
  ],
  paths: {
    '/raden/{raad}/adviezen': publicRead({
      operationId: 'listAdviezen',
      summary: 'Openbare adviezen van een raad, nieuwste eerst',
      tag: 'adviezen',
      parameters: [
        {
          name: 'zoekterm',
          in: 'query',
          schema: { type: 'string', maxLength: 200 },
          description: 'Zoekt in onderwerp, vraag en aanbevelingen (Nederlandse woordvormen).',
          example: 'mantelzorg',
        },
        { name: 'jaar', in: 'query', schema: int, description: 'Jaar waarin het advies is verstuurd.', example: 2026 },
        { name: 'beleidsveld', in: 'query', schema: oneOf(policyFields) },
        { name: 'status', in: 'query', schema: oneOf(givenStates) },
        { name: 'antwoord', in: 'query', schema: oneOf(answers), description: 'Adviezen met ten minste één aanbeveling met dit antwoord.' },
        { name: 'pagina', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 } },
        { name: 'perPagina', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: PAGE_SIZE } },
      ],
      ok: {
        description: 'Een pagina met adviezen',
        schema: 'AdviesLijst',
        example: {
          total: 1,
          page: 1,
          pages: 1,
          pageSize: PAGE_SIZE,
          items: [
            {
              id: exampleId,
              reference: '2026-004',
              subject: 'Beleidsplan Wmo 2027',
              policyField: 'wmo',
              status: 'answered',
              sentAt: '2026-09-20T10:00:00.000Z',
              answerDueOn: '2026-11-01',
              answeredAt: '2026-10-28T09:00:00.000Z',
              recommendations: { unanswered: 0, adopted: 1, partly: 0, not_adopted: 0 },
              _links: exampleAdvice._links,
            },
          ],
          _links: {
            self: exampleLink('/raden/lindewijk/adviezen'),
            first: exampleLink('/raden/lindewijk/adviezen'),
            last: exampleLink('/raden/lindewijk/adviezen'),
            html: exampleLink('/lindewijk/adviezen', true),
          },
        },
      },
    }),
    '/raden/{raad}/adviezen/{id}': publicRead({
      operationId: 'getAdvies',
      summary: 'Eén openbaar advies met de aanbevelingen en het antwoord van de gemeente',
      tag: 'adviezen',
      parameters: [idParam],
      ok: { description: 'Het advies', schema: 'Advies', example: exampleAdvice },
    }),
    '/raden/{raad}/adviesaanvragen': keyOperation('post', {
      operationId: 'createAdviesaanvraag',
      summary: 'Een adviesaanvraag indienen',
      tag: 'adviesaanvragen',
      body: { schema: 'AdviesaanvraagInvoer', example: exampleRequest },
      ok: {
        status: '201',
        description: 'De aanvraag is vastgelegd',
        headers: { Location: { description: 'Adres van de nieuwe aanvraag', schema: { type: 'string', format: 'uri' } } },
        schema: 'Adviesaanvraag',
        example: {
          id: exampleId,
          reference: '2027-001',
          kind: 'requested',
          status: 'requested',
          ...exampleRequest,
          answerDueOn: null,
          createdAt: '2026-11-23T10:00:00.000Z',
          updatedAt: '2026-11-23T10:00:00.000Z',
          _links: { self: exampleLink(`/raden/lindewijk/adviesaanvragen/${exampleId}`) },
        },
      },
      problems: {
        '400': invalidInput('question', 'required', 'Vul dit veld in.'),
        '422': problemResponse('Een regel is niet gevolgd', {
          status: 422,
          code: 'pastDate',
          title: 'De invoer klopt niet',
          detail: 'Deze datum ligt in het verleden. Kies vandaag of een latere datum.',
          invalidParams: [{ name: 'neededBy', code: 'pastDate', reason: 'Deze datum ligt in het verleden. Kies vandaag of een latere datum.' }],
        }),
      },
    }),
    '/raden/{raad}/adviesaanvragen/{id}': keyOperation('get', {
      operationId: 'getAdviesaanvraag',
      summary: 'Een adviesaanvraag en de stand van zaken',
      tag: 'adviesaanvragen',
      parameters: [idParam],
      ok: { description: 'De aanvraag', schema: 'Adviesaanvraag' },
    }),
    '/raden/{raad}/adviezen/{id}/antwoorden': keyOperation('post', {
      operationId: 'recordAntwoorden',
      summary: 'Het antwoord van de gemeente per aanbeveling vastleggen',
      description: 'Per aanbeveling: overgenomen, deels, niet (met reden) of nog niet beantwoord. Het advies telt als beantwoord zodra elke aanbeveling een antwoord heeft.',
      tag: 'adviesaanvragen',
      parameters: [idParam],
      body: {
        schema: 'AntwoordenInvoer',
        example: { answers: [{ recommendationId: exampleRecId, answer: 'not_adopted', reason: 'Daar is dit jaar geen geld voor.' }] },
      },
      ok: {
        description: 'De antwoorden zijn vastgelegd',
        schema: 'AntwoordenResultaat',
        example: {
          id: exampleId,
          reference: '2026-004',
          status: 'answered',
          answeredAt: '2026-10-28T09:00:00.000Z',
          _links: { self: exampleLink(`/raden/lindewijk/adviezen/${exampleId}/antwoorden`), advies: exampleLink(`/raden/lindewijk/adviezen/${exampleId}`) },
        },
      },
      problems: {
        '400': invalidInput('answers.0.reason', 'custom', 'Geef de reden van de gemeente.'),
        '409': problemResponse('Het advies is (nog) niet verstuurd', {
          status: 409,
          code: 'notAllowedFromState',
          title: 'Dit kan nu niet',
          detail: 'Dit kan niet in de huidige stap van het advies. Er is niets veranderd.',
        }),
        '422': problemResponse('Een aanbeveling hoort niet bij dit advies', {
          status: 422,
          code: 'unknownRecommendation',
          title: 'De invoer klopt niet',
          detail: 'Dit antwoord hoort bij een aanbeveling die niet in dit advies staat. Er is niets opgeslagen.',
        }),
      },
    }),
  },
  schemas: {
    AdviesSamenvatting: {
      type: 'object',
      properties: {
        id: uuid,
        reference: text,
        subject: text,
        policyField: oneOf(policyFields),
        status: oneOf(givenStates),
        sentAt: dateTime,
        answerDueOn: date,
        answeredAt: dateTime,
        recommendations: { type: 'object', properties: Object.fromEntries(answers.map((a) => [a, { type: 'integer', minimum: 0 }])), required: [...answers] },
        _links: links('self', 'html'),
      },
      required: ['id', 'reference', 'subject', 'policyField', 'status', 'recommendations', '_links'],
    },
    AdviesLijst: {
      type: 'object',
      properties: {
        total: int,
        page: int,
        pages: int,
        pageSize: int,
        items: { type: 'array', items: ref('AdviesSamenvatting') },
        _links: links('self', 'first', 'last', 'prev', 'next', 'html'),
      },
      required: ['total', 'page', 'pages', 'pageSize', 'items', '_links'],
    },
    Advies: {
      type: 'object',
      properties: {
        id: uuid,
        reference: text,
        kind: oneOf(adviceKinds),
        subject: text,
        question: text,
        policyField: oneOf(policyFields),
        addressee: oneOf(addressees),
        status: oneOf(givenStates),
        introduction: text,
        explanation: text,
        neededBy: date,
        sentAt: dateTime,
        answerDueOn: date,
        answeredAt: dateTime,
        wooCategory: { type: 'string', const: 'adviezen' },
        recommendations: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              id: uuid,
              number: int,
              text: text,
              answer: oneOf(answers),
              answerReason: text,
              answeredAt: dateTime,
              followUp: text,
            },
            required: ['id', 'number', 'text', 'answer'],
          },
        },
        documents: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              id: uuid,
              kind: oneOf(['request', 'answer_letter']),
              filename: text,
              contentType: text,
              size: int,
              _links: links('download'),
            },
          },
        },
        _links: links('self', 'html'),
      },
      required: ['id', 'reference', 'subject', 'status', 'recommendations', '_links'],
    },
    AdviesaanvraagInvoer: jsonSchema(requestSchema),
    Adviesaanvraag: {
      type: 'object',
      properties: {
        id: uuid,
        reference: text,
        kind: oneOf(adviceKinds),
        status: oneOf(adviceStates),
        subject: text,
        question: text,
        policyField: oneOf(policyFields),
        addressee: oneOf(addressees),
        addresseeEmail: text,
        neededBy: date,
        answerDueOn: date,
        createdAt: dateTime,
        updatedAt: dateTime,
        _links: links('self'),
      },
      required: ['id', 'reference', 'status', 'subject', '_links'],
    },
    AntwoordenInvoer: jsonSchema(answerSchema),
    AntwoordenResultaat: {
      type: 'object',
      properties: {
        id: uuid,
        reference: text,
        status: oneOf(adviceStates),
        answeredAt: dateTime,
        _links: links('self', 'advies'),
      },
      required: ['id', 'status', '_links'],
    },
  },
};
