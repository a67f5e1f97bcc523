import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { domainErrors, echo, noticeOf, parseForm, type FieldErrors, type FormValues } from '../../core/http/forms.ts';
import { pageProps } from '../../core/http/page-routes.ts';
import { notFound } from '../../core/errors.ts';
import { actorOf, requireRight } from '../../core/auth/guards.ts';
import { councilOf } from '../../core/tenancy.ts';
import { NotFoundError } from '../../core/policy.ts';
import { todayInAmsterdam } from '../../core/dates/working-days.ts';
import { addMeeting, cancelMeeting, changeMeeting, findMeeting, inviteMeeting, markHeld, restoreMeeting } from './meetings.lifecycle.ts';
import { meetingAudienceSize } from './meetings.calendar.ts';
import { CancelMeetingPage, RemoveItemPage } from './views/meeting/confirm.tsx';
import { generateYear, getRhythm, saveRhythm } from './meetings.rhythm.ts';
import { addAgendaItem, addGuest, agendaChoices, findAgendaItem, moveAgendaItem, removeAgendaItem, removeGuest, updateAgendaItem } from './meetings.agenda.ts';
import { addActionPoint, addDecision, approveMinutes, markActionPointDone, meetingOfActionPoint, publishMinutes, saveMinutesText } from './meetings.minutes.ts';
import { saveNote, setAttendance } from './meetings.attendance.ts';
import { getMeeting, getPublicMeeting, listMeetings, listPublicMeetings } from './meetings.queries.ts';
import { findMeetingToLink } from './meetings.dossiers.ts';
import { folderLinkRoutes } from '../documents/index.ts';
import {
  actionPointSchema,
  agendaItemSchema,
  approveSchema,
  attendanceSchema,
  decisionSchema,
  generateSchema,
  guestSchema,
  meetingSchema,
  minutesTextSchema,
  moveItemSchema,
  noteSchema,
  rhythmSchema,
  signalsOnAgendaSchema,
} from './meetings.forms.ts';
import { putSignalsOnAgenda, signalsOnAgendaChoices } from './meetings.signals-agenda.ts';
import { SignalsOnAgendaPage } from './views/signals-on-agenda.tsx';
import { MeetingsListPage, type MeetingNotice } from './views/meetings.tsx';
import { MeetingFormPage, RhythmPage } from './views/meeting-forms.tsx';
import { AgendaItemPage, type Checked } from './views/agenda-item.tsx';
import { MeetingDetailPage } from './views/meeting/detail.tsx';
import { PublicMeetingPage, PublicMeetingsPage } from './views/public.tsx';

const WS = '/:council/werkruimte/vergaderingen';
const publicPage = { config: { publicCache: true } };
type Params = { id: string; itemId: string; guestId: string; actionId: string };

/** Dutch words in the address after a change, and the notice each one shows. */
const notices: Record<string, MeetingNotice> = {
  aangemaakt: 'created',
  opgeslagen: 'saved',
  verplaatst: 'moved',
  signalen: 'signalsAdded',
  teruggezet: 'restored',
  afgezegd: 'cancelled',
  uitgenodigd: 'invited',
  gehouden: 'held',
  aanwezigheid: 'attendance',
  notitie: 'note',
  notulen: 'minutes',
  vastgesteld: 'approved',
  gepubliceerd: 'published',
  afgerond: 'done',
  ritme: 'rhythm',
  verwijderd: 'removed',
};

/** Checked boxes as posted, to show the agenda item form again after an error. */
function checkedOf(body: unknown): Checked {
  const b = (body ?? {}) as Record<string, unknown>;
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : []);
  return { adviceIds: list(b.adviceIds), signalIds: list(b.signalIds), documentIds: list(b.documentIds) };
}

export async function meetingsRoutes(app: FastifyInstance) {
  const deps = app.deps;
  const view = { preHandler: requireRight('meetings.view') };
  const manage = { preHandler: requireRight('meetings.manage') };
  const attend = { preHandler: requireRight('meetings.attend') };
  const base = (slug: string) => `/${slug}/werkruimte/vergaderingen`;
  const ctxOf = (req: FastifyRequest) => ({ council: councilOf(req), actor: actorOf(req) });

  async function detailPage(req: FastifyRequest, reply: FastifyReply, id: string, extra: { errors?: FieldErrors; values?: FormValues; notice?: MeetingNotice } = {}, status = 200) {
    const { council, actor } = ctxOf(req);
    const detail = await getMeeting(deps, { actor, council, id });
    return reply.page(<MeetingDetailPage {...(await pageProps(req))} detail={detail} {...extra} />, status);
  }

  /** Validates, runs one use case on a meeting of this council, then redirects (303) or shows the errors (400). */
  async function act<T>(
    req: FastifyRequest,
    reply: FastifyReply,
    opts: {
      schema?: import('zod').ZodType<T>;
      melding: string;
      run: (id: string, data: T) => Promise<unknown>;
      again?: (errors: FieldErrors, values: FormValues) => Promise<unknown>;
    },
  ) {
    const { id } = req.params as Params;
    const council = councilOf(req);
    // Unknown or another council's meeting: 404 before anything else.
    if (!(await findMeeting(deps.db, council, id))) throw new NotFoundError('meeting');
    const again = opts.again ?? ((errors: FieldErrors, values: FormValues) => detailPage(req, reply, id, { errors, values }, 400));
    let data = undefined as T;
    if (opts.schema) {
      const form = parseForm(opts.schema, req.body, req.t);
      if (!form.ok) return again(form.errors, form.values);
      data = form.data;
    }
    try {
      await opts.run(id, data);
    } catch (err) {
      const errors = domainErrors(err, req.t);
      if (!errors) throw err;
      return again(errors, echo(req.body));
    }
    const anchor = opts.melding === 'aanwezigheid' ? '#aanwezigheid' : '';
    return reply.redirect(`${base(council.slug)}/${id}?melding=${opts.melding}${anchor}`, 303);
  }

  // ---------------------------------------------------------------- list, rhythm, new meeting
  app.get(WS, view, async (req, reply) => {
    const { council, actor } = ctxOf(req);
    const { coming, past, may } = await listMeetings(deps, { actor, council });
    const n = noticeOf(req, notices);
    return reply.page(<MeetingsListPage {...(await pageProps(req))} coming={coming} past={past} may={may} notice={n === 'removed' ? undefined : n ? req.t(`meetings.notice.${n}`) : undefined} />);
  });

  const rhythmPage = async (req: FastifyRequest, reply: FastifyReply, extra: { errors?: FieldErrors; values?: FormValues; notice?: string } = {}, status = 200) => {
    const { council } = ctxOf(req);
    const rhythm = await getRhythm(deps.db, council);
    return reply.page(<RhythmPage {...(await pageProps(req))} rhythm={rhythm} year={Number(todayInAmsterdam().slice(0, 4))} {...extra} />, status);
  };
  app.get(`${WS}/ritme`, manage, async (req, reply) => {
    const n = noticeOf(req, notices);
    const generated = Number((req.query as Record<string, unknown>)?.aantal);
    const notice = n === 'rhythm' ? req.t('meetings.notice.rhythm') : n === 'created' && Number.isInteger(generated) ? req.t('meetings.notice.generated', { n: generated }) : undefined;
    return rhythmPage(req, reply, { notice });
  });
  app.post(`${WS}/ritme`, manage, async (req, reply) => {
    const form = parseForm(rhythmSchema, req.body, req.t);
    if (!form.ok) return rhythmPage(req, reply, { errors: form.errors, values: form.values }, 400);
    await saveRhythm(deps, { ...ctxOf(req), input: form.data });
    return reply.redirect(`${base(councilOf(req).slug)}/ritme?melding=ritme`, 303);
  });
  app.post(`${WS}/ritme/genereren`, manage, async (req, reply) => {
    const form = parseForm(generateSchema, req.body, req.t);
    if (!form.ok) return rhythmPage(req, reply, { errors: form.errors, values: form.values }, 400);
    try {
      const n = await generateYear(deps, { ...ctxOf(req), year: form.data.year });
      return reply.redirect(`${base(councilOf(req).slug)}/ritme?melding=aangemaakt&aantal=${n}`, 303);
    } catch (err) {
      const errors = domainErrors(err, req.t);
      if (!errors) throw err;
      return rhythmPage(req, reply, { errors, values: echo(req.body) }, 400);
    }
  });

  app.get(`${WS}/nieuw`, manage, async (req, reply) => reply.page(<MeetingFormPage ctx={await req.pageCtx()} {...ctxOf(req)} />));
  app.post(`${WS}/nieuw`, manage, async (req, reply) => {
    const again = async (errors: FieldErrors, values: FormValues) => reply.page(<MeetingFormPage ctx={await req.pageCtx()} {...ctxOf(req)} errors={errors} values={values} />, 400);
    const form = parseForm(meetingSchema, req.body, req.t);
    if (!form.ok) return again(form.errors, form.values);
    try {
      const m = await addMeeting(deps, { ...ctxOf(req), input: form.data });
      return reply.redirect(`${base(councilOf(req).slug)}/${m.id}?melding=aangemaakt`, 303);
    } catch (err) {
      const errors = domainErrors(err, req.t);
      if (!errors) throw err;
      return again(errors, echo(req.body));
    }
  });

  // ---------------------------------------------------------------- action points (own ones)
  app.post(`${WS}/actiepunten/:actionId/klaar`, attend, async (req, reply) => {
    const { council, actor } = ctxOf(req);
    const { actionId } = req.params as Params;
    const meetingId = (await meetingOfActionPoint(deps.db, council, actionId)) ?? notFound('actionPoint');
    try {
      await markActionPointDone(deps, { actor, council, actionPointId: actionId });
    } catch (err) {
      const errors = domainErrors(err, req.t);
      if (!errors) throw err;
      return detailPage(req, reply, meetingId, { errors }, 400);
    }
    return reply.redirect(`${base(council.slug)}/${meetingId}?melding=afgerond#actiepunten`, 303);
  });

  // ---------------------------------------------------------------- signals on an agenda (from the signal list)
  const signalsPage = async (req: FastifyRequest, reply: FastifyReply, extra: { errors?: FieldErrors; values?: FormValues; checked?: string[] } = {}, status = 200) => {
    const { council, actor } = ctxOf(req);
    const choices = await signalsOnAgendaChoices(deps, { actor, council });
    return reply.page(<SignalsOnAgendaPage {...(await pageProps(req))} {...choices} {...extra} />, status);
  };
  app.get(`${WS}/signalen-agenderen`, manage, async (req, reply) => signalsPage(req, reply));
  app.post(`${WS}/signalen-agenderen`, manage, async (req, reply) => {
    const again = (errors: FieldErrors) => signalsPage(req, reply, { errors, values: echo(req.body), checked: checkedOf(req.body).signalIds }, 400);
    const form = parseForm(signalsOnAgendaSchema, req.body, req.t);
    if (!form.ok) return again(form.errors);
    try {
      await putSignalsOnAgenda(deps, { ...ctxOf(req), input: form.data });
    } catch (err) {
      const errors = domainErrors(err, req.t);
      if (!errors) throw err;
      return again(errors);
    }
    return reply.redirect(`${base(councilOf(req).slug)}/${form.data.meetingId}?melding=signalen#agenda`, 303);
  });

  // ---------------------------------------------------------------- one meeting
  app.get(`${WS}/:id`, view, async (req, reply) => detailPage(req, reply, (req.params as Params).id, { notice: noticeOf(req, notices) }));

  const editPage = async (req: FastifyRequest, reply: FastifyReply, extra: { errors?: FieldErrors; values?: FormValues } = {}, status = 200) => {
    const { council } = ctxOf(req);
    const meeting = (await findMeeting(deps.db, council, (req.params as Params).id)) ?? notFound('meeting');
    return reply.page(<MeetingFormPage {...(await pageProps(req))} meeting={meeting} {...extra} />, status);
  };
  app.get(`${WS}/:id/wijzigen`, manage, async (req, reply) => editPage(req, reply));
  app.post(`${WS}/:id/wijzigen`, manage, async (req, reply) =>
    act(req, reply, {
      schema: meetingSchema,
      melding: 'verplaatst',
      run: (id, input) => changeMeeting(deps, { ...ctxOf(req), meetingId: id, input }),
      again: (errors, values) => editPage(req, reply, { errors, values }, 400),
    }),
  );
  // Cancelling asks first (what happens, who is mailed); the board can undo it within 30 days.
  app.get(`${WS}/:id/afzeggen`, manage, async (req, reply) => {
    const { council } = ctxOf(req);
    const meeting = (await findMeeting(deps.db, council, (req.params as Params).id)) ?? notFound('meeting');
    const audience = meeting.invitedAt ? await meetingAudienceSize(deps.db, meeting) : 0;
    return reply.page(<CancelMeetingPage {...(await pageProps(req))} meeting={meeting} audience={audience} />);
  });
  app.post(`${WS}/:id/terugzetten`, manage, async (req, reply) => act(req, reply, { melding: 'teruggezet', run: (id) => restoreMeeting(deps, { ...ctxOf(req), meetingId: id }) }));
  app.post(`${WS}/:id/afzeggen`, manage, async (req, reply) => act(req, reply, { melding: 'afgezegd', run: (id) => cancelMeeting(deps, { ...ctxOf(req), meetingId: id }) }));
  app.post(`${WS}/:id/uitnodigen`, manage, async (req, reply) => act(req, reply, { melding: 'uitgenodigd', run: (id) => inviteMeeting(deps, { ...ctxOf(req), meetingId: id }) }));
  app.post(`${WS}/:id/gehouden`, manage, async (req, reply) => act(req, reply, { melding: 'gehouden', run: (id) => markHeld(deps, { ...ctxOf(req), meetingId: id }) }));

  // ---------------------------------------------------------------- the agenda
  const itemPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    extra: { errors?: FieldErrors; values?: FormValues; checked?: Checked; guestErrors?: FieldErrors; guestValues?: FormValues; notice?: string } = {},
    status = 200,
  ) => {
    const { council, actor } = ctxOf(req);
    const { id, itemId } = req.params as Params;
    const detail = await getMeeting(deps, { actor, council, id });
    const item = itemId ? (detail.agenda.find((i) => i.id === itemId) ?? notFound('agendaItem')) : undefined;
    const choices = await agendaChoices(deps, { actor, council });
    // A linked signal that has been discussed since is no longer offered: keep it checkable, or saving would drop it.
    for (const id of item?.signalIds ?? []) if (!choices.signals.some((c) => c.id === id)) choices.signals.push({ id, title: req.t('meetings.item.earlierSignal') });
    return reply.page(<AgendaItemPage {...(await pageProps(req))} meeting={detail.meeting} item={item} choices={choices} {...extra} />, status);
  };
  const itemAgain = (req: FastifyRequest, reply: FastifyReply) => (errors: FieldErrors, values: FormValues) => itemPage(req, reply, { errors, values, checked: checkedOf(req.body) }, 400);

  app.get(`${WS}/:id/agenda/nieuw`, manage, async (req, reply) => itemPage(req, reply));
  app.post(`${WS}/:id/agenda`, manage, async (req, reply) =>
    act(req, reply, {
      schema: agendaItemSchema,
      melding: 'opgeslagen',
      run: (id, input) => addAgendaItem(deps, { ...ctxOf(req), meetingId: id, input }),
      again: itemAgain(req, reply),
    }),
  );
  app.get(`${WS}/:id/agenda/:itemId`, manage, async (req, reply) => itemPage(req, reply, { notice: noticeOf(req, notices) === 'saved' ? req.t('meetings.notice.saved') : undefined }));
  app.post(`${WS}/:id/agenda/:itemId`, manage, async (req, reply) =>
    act(req, reply, {
      schema: agendaItemSchema,
      melding: 'opgeslagen',
      run: (id, input) => updateAgendaItem(deps, { ...ctxOf(req), meetingId: id, itemId: (req.params as Params).itemId, input }),
      again: itemAgain(req, reply),
    }),
  );
  app.post(`${WS}/:id/agenda/:itemId/volgorde`, manage, async (req, reply) =>
    act(req, reply, {
      schema: moveItemSchema,
      melding: 'opgeslagen',
      run: (id, f) => moveAgendaItem(deps, { ...ctxOf(req), meetingId: id, itemId: (req.params as Params).itemId, direction: f.direction }),
    }),
  );
  app.get(`${WS}/:id/agenda/:itemId/verwijderen`, manage, async (req, reply) => {
    const { council } = ctxOf(req);
    const p = req.params as Params;
    const meeting = (await findMeeting(deps.db, council, p.id)) ?? notFound('meeting');
    const item = (await findAgendaItem(deps.db, council, meeting.id, p.itemId)) ?? notFound('agendaItem');
    return reply.page(<RemoveItemPage {...(await pageProps(req))} meeting={meeting} item={item} />);
  });
  app.post(`${WS}/:id/agenda/:itemId/verwijderen`, manage, async (req, reply) =>
    act(req, reply, { melding: 'verwijderd', run: (id) => removeAgendaItem(deps, { ...ctxOf(req), meetingId: id, itemId: (req.params as Params).itemId }) }),
  );

  /** Guests are managed on the item's page: back there after a change. */
  async function guestAct<T>(req: FastifyRequest, reply: FastifyReply, schema: import('zod').ZodType<T> | null, run: (data: T) => Promise<unknown>) {
    const { council } = ctxOf(req);
    const { id, itemId } = req.params as Params;
    const meeting = (await findMeeting(deps.db, council, id)) ?? notFound('meeting');
    if (!(await findAgendaItem(deps.db, council, meeting.id, itemId))) throw new NotFoundError('agendaItem');
    let data = undefined as T;
    if (schema) {
      const form = parseForm(schema, req.body, req.t);
      if (!form.ok) return itemPage(req, reply, { guestErrors: form.errors, guestValues: form.values }, 400);
      data = form.data;
    }
    try {
      await run(data);
    } catch (err) {
      const errors = domainErrors(err, req.t);
      if (!errors) throw err;
      return itemPage(req, reply, { guestErrors: errors }, 400);
    }
    return reply.redirect(`${base(council.slug)}/${id}/agenda/${itemId}?melding=opgeslagen#gasten`, 303);
  }
  app.post(`${WS}/:id/agenda/:itemId/gasten`, manage, async (req, reply) =>
    guestAct(req, reply, guestSchema, (input) => addGuest(deps, { ...ctxOf(req), meetingId: (req.params as Params).id, itemId: (req.params as Params).itemId, input })),
  );
  app.post(`${WS}/:id/agenda/:itemId/gasten/:guestId/verwijderen`, manage, async (req, reply) => {
    const p = req.params as Params;
    return guestAct(req, reply, null, () => removeGuest(deps, { ...ctxOf(req), meetingId: p.id, itemId: p.itemId, guestId: p.guestId }));
  });

  // ---------------------------------------------------------------- members: attendance and private notes
  app.post(`${WS}/:id/aanwezigheid`, attend, async (req, reply) =>
    act(req, reply, {
      schema: attendanceSchema,
      melding: 'aanwezigheid',
      run: (id, f) => setAttendance(deps, { ...ctxOf(req), meetingId: id, answer: f.answer }),
    }),
  );
  app.post(`${WS}/:id/notities`, attend, async (req, reply) =>
    act(req, reply, { schema: noteSchema, melding: 'notitie', run: (id, f) => saveNote(deps, { ...ctxOf(req), meetingId: id, body: f.body }) }),
  );

  // ---------------------------------------------------------------- minutes
  app.post(`${WS}/:id/notulen`, manage, async (req, reply) =>
    act(req, reply, { schema: minutesTextSchema, melding: 'notulen', run: (id, f) => saveMinutesText(deps, { ...ctxOf(req), meetingId: id, ...f }) }),
  );
  app.post(`${WS}/:id/notulen/besluiten`, manage, async (req, reply) =>
    act(req, reply, {
      schema: decisionSchema,
      melding: 'notulen',
      run: (id, f) => addDecision(deps, { ...ctxOf(req), meetingId: id, text: f.decision, agendaItemId: f.agendaItemId, isPublic: f.access === 'public' }),
    }),
  );
  app.post(`${WS}/:id/notulen/actiepunten`, manage, async (req, reply) =>
    act(req, reply, { schema: actionPointSchema, melding: 'notulen', run: (id, input) => addActionPoint(deps, { ...ctxOf(req), meetingId: id, input }) }),
  );
  app.post(`${WS}/:id/notulen/vaststellen`, manage, async (req, reply) =>
    act(req, reply, {
      schema: approveSchema,
      melding: 'vastgesteld',
      run: (id, f) => approveMinutes(deps, { ...ctxOf(req), meetingId: id, approvedInMeetingId: f.approvedInMeetingId }),
    }),
  );
  app.post(`${WS}/:id/notulen/publiceren`, manage, async (req, reply) => act(req, reply, { melding: 'gepubliceerd', run: (id) => publishMinutes(deps, { ...ctxOf(req), meetingId: id }) }));

  // ---------------------------------------------------------------- dossiers: a folder's page links meetings
  folderLinkRoutes(app, 'meeting', findMeetingToLink);

  // ---------------------------------------------------------------- the public site
  app.get('/:council/vergaderingen', publicPage, async (req, reply) => {
    const council = councilOf(req);
    const { coming, past } = await listPublicMeetings(deps.db, council);
    return reply.page(<PublicMeetingsPage ctx={await req.pageCtx()} council={council} coming={coming} past={past} />);
  });
  app.get('/:council/vergaderingen/:id', publicPage, async (req, reply) => {
    const council = councilOf(req);
    const data = await getPublicMeeting(deps.db, council, (req.params as Params).id);
    return reply.page(<PublicMeetingPage ctx={await req.pageCtx()} council={council} data={data} />);
  });
}
