/**
 * Signals through the open API: organisations and partner councils pass on what residents
 * told them. POST /api/v1/raden/{raad}/signalen with a Bearer key of that organisation: a key of
 * one of its users (official, partner council, board) or an organisation's signals-only key.
 * The body follows the same zod schemas as the residents' form. There is no way to read signals
 * back through the API: they may hold special-category personal data. The organisation, the
 * key, errors and headers come from core's API layer (docs/decisions/0014-api-layer.md).
 */
import type { FastifyInstance } from 'fastify';
import type { OpenApiPart } from '../../core/module.ts';
import { API_PREFIX, apiCaller, idParam, invalidInput, jsonSchema, keyOperation, problemResponse, validationProblem, writeLimit } from '../../core/api/index.ts';
import { councilOf } from '../../core/tenancy.ts';
import { toContact } from './signals.forms.ts';
import { submitSignal } from './signals.submit.ts';
import { apiSignalSchema } from './signals.intake.ts';

/** A 10 kB text with contact details fits many times; more is not a signal. */
const BODY_LIMIT = 64 * 1024;

/** Organisations whose kind has no signals answer 404 (the section, as for the residents' form). */
export async function signalsApiRoutes(app: FastifyInstance) {
  const deps = app.deps;

  app.post(`${API_PREFIX}/raden/:raad/signalen`, { config: { ...writeLimit, section: 'signals' as const }, bodyLimit: BODY_LIMIT }, async (req, reply) => {
    const council = councilOf(req);
    const caller = await apiCaller(req, reply);
    if (!caller) return reply;
    const parsed = apiSignalSchema.safeParse(req.body && typeof req.body === 'object' ? req.body : {});
    if (!parsed.success) return validationProblem(reply, req, parsed.error.issues);
    const { contact, consent, organisation, ...input } = parsed.data;
    // The key's name is what the board knows the sender by; a named organisation comes with it.
    const sourceDetail = organisation && organisation !== caller.name ? `${caller.name}: ${organisation}` : caller.name;
    // A rule of the use case (consent for contact details) answers 422 through the API layer.
    const signal = await submitSignal(deps, {
      council,
      // An organisation's key is nobody's account: the signal was not recorded by a user.
      actor: caller.actor,
      input,
      contact: contact ? toContact(contact) : null,
      consent,
      source: 'api',
      sourceDetail: sourceDetail.slice(0, 300),
    });
    return reply.code(201).send({ id: signal.id, reference: signal.reference, status: 'new' });
  });
}

/** The signals part of the OpenAPI document. */
export const signalsOpenApi: OpenApiPart = {
  tags: [{ name: 'signalen', description: 'Signalen van inwoners, doorgegeven door organisaties en partnerraden' }],
  paths: {
    '/raden/{raad}/signalen': keyOperation('post', {
      operationId: 'createSignaal',
      summary: 'Een signaal van een inwoner doorgeven',
      description:
        'Voor organisaties en partnerraden: een probleem dat inwoners ervaren. Contactgegevens zijn optioneel; geeft u ze mee, dan is `consent` true nodig (de inwoner gaf toestemming) en minstens een e-mailadres of telefoonnummer. De tekst is hooguit 10 kB. Signalen zijn niet terug te lezen via de API.',
      tag: 'signalen',
      // Any organisation's key may send a signal: no 403.
      forbidden: false,
      body: {
        schema: 'SignaalInvoer',
        example: {
          description: 'Bewoners van de Lindehof wachten al maanden op een traplift.',
          area: 'aids_adaptations',
          since: 'half_year',
          peopleCount: 8,
          organisation: 'Cliëntenraad Zorggroep Lindewijk',
          contact: { name: 'Mila de Vries', email: 'mila@voorbeeld.nl', phone: '' },
          consent: true,
        },
      },
      ok: { status: '201', description: 'Het signaal is ontvangen', schema: 'SignaalOntvangen', example: { id: idParam.example, reference: 'S-2026-0042', status: 'new' } },
      problems: {
        '400': invalidInput('area', 'invalid_value', 'Kies een van de mogelijkheden.'),
        '413': problemResponse('Het verzoek is groter dan 64 kB', {
          status: 413,
          code: 'TOO_LARGE',
          title: 'Te veel gegevens',
          detail: 'U stuurde meer gegevens dan wij aannemen. Er is niets opgeslagen. Maak de tekst of het bestand kleiner en probeer het opnieuw.',
        }),
        '422': problemResponse('Een regel is niet gevolgd', {
          status: 422,
          code: 'consentRequired',
          title: 'De invoer klopt niet',
          detail: 'U heeft contactgegevens ingevuld. Geef toestemming, of haal de contactgegevens weg.',
        }),
      },
    }),
  },
  schemas: {
    SignaalInvoer: jsonSchema(apiSignalSchema),
    SignaalOntvangen: {
      type: 'object',
      properties: {
        id: { type: 'string', format: 'uuid' },
        reference: { type: 'string', description: 'Het nummer dat de inwoner kan noemen, zoals S-2026-0042' },
        status: { type: 'string', const: 'new' },
      },
      required: ['id', 'reference', 'status'],
    },
  },
};
