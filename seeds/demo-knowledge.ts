/**
 * Demo knowledge base (issue 11). The national organisation (Landelijk Kennispunt Inspraak Sociaal
 * Domein) publishes twelve articles in B1 Dutch, each with an English version, covering the topics
 * of the issue; one is a video article: a short video made for this project
 * (scripts/make-demo-video.ts), kept in the file store, with captions (WebVTT), a transcript and a
 * sign-language link. Lindewijk and Bergeloo adopt some of them with a paragraph of their own; Lindewijk keeps a
 * members-only handbook page; both organisations publish news. The texts were written for this
 * project; the organisations and people are fictional, the laws and bodies named (Wmo 2015, SVB,
 * CAK) are real. Runs after every organisation exists (it looks them up by slug).
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../src/core/db/index.ts';
import { councils, memberships } from '../src/core/organisations.schema.ts';
import { users } from '../src/core/auth/auth.schema.ts';
import { knowledgeAdoptions, knowledgeArticles, knowledgeArticleVersions, knowledgeNews } from '../src/modules/knowledge/knowledge.schema.ts';
import { files } from '../src/core/files/files.schema.ts';
import type { FileStore } from '../src/core/files/store.ts';
import { DEMO_VIDEO_CARDS, demoVideoBytes, demoVideoCaptions } from './demo-video.ts';

type Article = {
  key: string;
  topic: string;
  laws: string[];
  title: string;
  summary: string;
  body: string;
  en: { title: string; summary: string; body: string };
  /** The demo video file (seeds/assets) with these captions and transcript. */
  video?: { captions: string; transcript: string; signLanguage: string };
  /** Days from today; in the past makes the article show "mogelijk verouderd". */
  reviewInDays?: number;
};

const articles: Article[] = [
  {
    key: 'wmo',
    topic: 'wmo',
    laws: ['wmo'],
    title: 'Wat is de Wmo?',
    summary: 'De Wmo is de wet die zegt dat de gemeente u helpt om thuis te wonen en mee te doen.',
    body: '# Waar gaat de wet over?\n\nWmo betekent: Wet maatschappelijke ondersteuning. De wet bestaat sinds 2015.\n\nDe wet zegt: de gemeente helpt inwoners die het zelf niet redden. U krijgt hulp om thuis te blijven wonen. En om mee te doen in de buurt.\n\n# Wat voor hulp?\n\n- hulp in het huishouden\n- begeleiding, bijvoorbeeld bij uw geldzaken\n- een rolstoel, scootmobiel of aanpassing in huis\n- vervoer, zoals de regiotaxi\n- opvang als u niet veilig thuis kunt wonen\n\n# Wat doet de adviesraad?\n\nDe gemeente maakt eigen regels voor de Wmo. De adviesraad geeft de gemeente advies over die regels. Zo praten inwoners mee.',
    en: {
      title: 'What is the Wmo?',
      summary: 'The Wmo is the law that says the municipality helps you to live at home and take part.',
      body: '# What is the law about?\n\nWmo stands for Social Support Act. The law has existed since 2015.\n\nThe law says: the municipality helps residents who cannot manage alone. You get help to keep living at home, and to take part in your neighbourhood.\n\n# What kind of help?\n\n- help with the household\n- support, for example with your money matters\n- a wheelchair, mobility scooter or a change to your home\n- transport, such as the regional taxi\n- shelter if you cannot live safely at home\n\n# What does the advisory council do?\n\nThe municipality makes its own rules for the Wmo. The advisory council advises the municipality on those rules. That is how residents have a say.',
    },
  },
  {
    key: 'maatwerk',
    topic: 'maatwerk',
    laws: ['wmo'],
    title: 'Hulp die bij u past: maatwerk',
    summary: 'De gemeente kijkt naar uw eigen situatie. Twee mensen met dezelfde beperking kunnen andere hulp krijgen.',
    body: 'De gemeente mag niet zeggen: iedereen met dit probleem krijgt dezelfde hulp. Zij moet kijken naar u.\n\n# Waar kijkt de gemeente naar?\n\n- wat u zelf kunt\n- wie u helpt, zoals familie of buren\n- wat u nodig hebt om thuis te wonen en mee te doen\n- welke hulp er al is in de buurt, zoals een inloophuis\n\nDaarna kiest de gemeente samen met u de hulp. Dit heet een maatwerkvoorziening. Dat is een moeilijk woord voor: hulp die bij u past.\n\n# Tip voor de adviesraad\n\nVraag de gemeente hoe vaak zij hulp weigert. En waarom. Zo ziet u of er echt naar de persoon wordt gekeken.',
    en: {
      title: 'Help that fits you: tailored support',
      summary: 'The municipality looks at your own situation. Two people with the same disability may get different help.',
      body: 'The municipality may not say: everyone with this problem gets the same help. It must look at you.\n\n# What does the municipality look at?\n\n- what you can do yourself\n- who helps you, such as family or neighbours\n- what you need to live at home and take part\n- what help already exists nearby, such as a drop-in centre\n\nThen the municipality chooses the help together with you. This is called tailored support (maatwerkvoorziening).\n\n# Tip for the advisory council\n\nAsk the municipality how often it refuses help, and why. That shows whether it really looks at the person.',
    },
  },
  {
    key: 'keukentafel',
    topic: 'keukentafelgesprek',
    laws: ['wmo'],
    title: 'Het keukentafelgesprek',
    summary: 'In een gesprek met de gemeente vertelt u wat u nodig hebt. U mag iemand meenemen.',
    body: 'Als u hulp vraagt, maakt de gemeente een afspraak voor een gesprek. Vaak komt iemand bij u thuis. Daarom heet het het keukentafelgesprek.\n\n# Hoe bereidt u zich voor?\n\n- Schrijf op wat moeilijk gaat. Ook kleine dingen.\n- Vraag een familielid of vriend om erbij te zijn.\n- U hebt recht op een gratis cliëntondersteuner. Die staat naast u en is onafhankelijk.\n\n# Na het gesprek\n\nDe gemeente schrijft op wat u hebt besproken. Lees dit verslag goed. Klopt iets niet? Zeg het dan. Daarna vraagt u de hulp aan. U krijgt een besluit. Bent u het er niet mee eens? Dan kunt u bezwaar maken.',
    en: {
      title: 'The kitchen-table conversation',
      summary: 'In a conversation with the municipality you say what you need. You may bring someone.',
      body: 'When you ask for help, the municipality makes an appointment for a conversation. Often someone comes to your home. That is why it is called the kitchen-table conversation.\n\n# How do you prepare?\n\n- Write down what is hard. Small things too.\n- Ask a relative or friend to be there.\n- You have the right to a free client supporter. They are on your side and independent.\n\n# After the conversation\n\nThe municipality writes down what you discussed. Read this report carefully. Is something wrong? Say so. Then you apply for the help. You get a decision. Do you disagree? Then you can object.',
    },
  },
  {
    key: 'pgb',
    topic: 'pgb',
    laws: ['wmo'],
    title: 'Het persoonsgebonden budget (pgb)',
    summary: 'Met een pgb kiest u zelf wie u helpt. De SVB betaalt uw hulpverleners namens u.',
    body: 'Hulp uit de Wmo kan op twee manieren. De gemeente regelt de hulp voor u (zorg in natura). Of u krijgt een persoonsgebonden budget, een pgb. Dan kiest u zelf wie u helpt.\n\n# Hoe werkt het?\n\n- U maakt een plan: welke hulp, van wie, hoeveel uur.\n- De gemeente kijkt of het plan goed is.\n- Het geld komt niet op uw rekening. De Sociale Verzekeringsbank (SVB) betaalt uw hulpverleners.\n\n# Waar moet u op letten?\n\nMet een pgb bent u een soort werkgever. U sluit contracten en houdt alles bij. Dat kost tijd. Vraag hulp als het u te veel wordt, bijvoorbeeld van een cliëntondersteuner.',
    en: {
      title: 'The personal budget (pgb)',
      summary: 'With a pgb you choose who helps you. The SVB pays your care providers on your behalf.',
      body: 'Wmo help comes in two ways. The municipality arranges the help for you (care in kind). Or you get a personal budget, a pgb. Then you choose who helps you.\n\n# How does it work?\n\n- You make a plan: which help, from whom, how many hours.\n- The municipality checks whether the plan is good.\n- The money does not go to your account. The Social Insurance Bank (SVB) pays your care providers.\n\n# What should you watch?\n\nWith a pgb you are a kind of employer. You sign contracts and keep records. That takes time. Ask for help if it gets too much, for example from a client supporter.',
    },
  },
  {
    key: 'eigenbijdrage',
    topic: 'eigen-bijdrage',
    laws: ['wmo'],
    title: 'De eigen bijdrage',
    summary: 'Voor veel Wmo-hulp betaalt u zelf een vast bedrag per maand. Het CAK stuurt de rekening.',
    body: 'Krijgt u hulp uit de Wmo? Dan betaalt u meestal een eigen bijdrage. Dat is een vast bedrag per maand. Het heet het abonnementstarief. Het is voor iedereen hetzelfde, hoeveel hulp u ook krijgt.\n\n# Wie stuurt de rekening?\n\nHet CAK. Dat is een landelijke organisatie. Het CAK krijgt van de gemeente door welke hulp u hebt.\n\n# Moet iedereen betalen?\n\nNiet altijd. Voor sommige hulp vraagt de gemeente geen eigen bijdrage. Dat staat in de regels van uw gemeente. Kijk het bedrag van dit jaar na op de website van het CAK.\n\n# Tip voor de adviesraad\n\nVraag of mensen met weinig geld hulp laten liggen om de eigen bijdrage. Dan kan de raad voorstellen om die bijdrage te laten vallen.',
    en: {
      title: 'The personal contribution',
      summary: 'For much Wmo help you pay a fixed amount per month yourself. The CAK sends the bill.',
      body: 'Do you get Wmo help? Then you usually pay a personal contribution. It is a fixed amount per month, called the subscription rate. It is the same for everyone, however much help you get.\n\n# Who sends the bill?\n\nThe CAK, a national organisation. The municipality tells the CAK which help you have.\n\n# Does everyone pay?\n\nNot always. For some help the municipality asks no contribution. Your municipality’s rules say which. Check this year’s amount on the CAK website.\n\n# Tip for the advisory council\n\nAsk whether people with little money turn down help because of the contribution. Then the council can propose to drop it.',
    },
  },
  {
    key: 'toegang',
    topic: 'toegang',
    laws: ['wmo', 'jeugdwet'],
    title: 'Waar vraagt u hulp? Het Wmo-loket en het wijkteam',
    summary: 'U vraagt hulp bij het Wmo-loket of bij het wijkteam van uw gemeente. Iedere gemeente regelt dit anders.',
    body: 'Iedere gemeente heeft een plek waar u hulp vraagt. Soms is dat een loket in het gemeentehuis. Soms is het een wijkteam bij u in de buurt. Soms kunt u bellen of een formulier invullen.\n\n# Wat is een wijkteam?\n\nIn een wijkteam werken mensen met verschillende kennis samen. Bijvoorbeeld over zorg, geld en opvoeden. Zij kennen de buurt.\n\n# Wat gebeurt er na uw vraag?\n\nBinnen zes weken onderzoekt de gemeente uw situatie. Meestal in een keukentafelgesprek.\n\nHoe het bij u werkt, leest u hieronder. Dat stuk schrijft uw eigen adviesraad.',
    en: {
      title: 'Where do you ask for help? The Wmo desk and the neighbourhood team',
      summary: 'You ask for help at the Wmo desk or the neighbourhood team of your municipality. Every municipality arranges this differently.',
      body: 'Every municipality has a place where you ask for help. Sometimes a desk at the town hall, sometimes a neighbourhood team near you. Sometimes you can call or fill in a form.\n\n# What is a neighbourhood team?\n\nIn a neighbourhood team, people with different knowledge work together, for example on care, money and parenting. They know the area.\n\n# What happens after you ask?\n\nWithin six weeks the municipality looks into your situation, usually in a kitchen-table conversation.\n\nHow it works where you live is written below, by your own advisory council.',
    },
  },
  {
    key: 'compensatie',
    topic: 'compensatieplicht',
    laws: ['wmo'],
    title: 'De compensatieplicht: wat de gemeente moet doen',
    summary: 'De gemeente moet zorgen dat u zo goed mogelijk zelf kunt leven en mee kunt doen. Vroeger heette dat de compensatieplicht.',
    body: 'In de oude Wmo stond het woord compensatieplicht. De gemeente moest uw beperking compenseren.\n\nIn de Wmo 2015 staat het anders, maar het idee is hetzelfde. De gemeente moet zorgen voor een passende bijdrage. Die helpt u om zelfredzaam te zijn en mee te doen.\n\n# Wat betekent dat voor u?\n\n- De gemeente mag u niet zomaar wegsturen.\n- Zij moet onderzoeken wat u nodig hebt.\n- Zij moet uitleggen waarom u iets wel of niet krijgt.\n\n# Wat kan de adviesraad doen?\n\nLees de beleidsregels van uw gemeente. Staat er een lijst met hulp die nooit kan? Vraag dan waarom. Een vaste lijst past niet bij de wet.',
    en: {
      title: 'The duty to compensate: what the municipality must do',
      summary: 'The municipality must make sure you can live as independently as possible and take part. This used to be called the duty to compensate.',
      body: 'The old Wmo used the word duty to compensate. The municipality had to compensate for your disability.\n\nThe Wmo 2015 puts it differently, but the idea is the same. The municipality must provide a suitable contribution that helps you to be self-reliant and to take part.\n\n# What does that mean for you?\n\n- The municipality may not simply send you away.\n- It must look into what you need.\n- It must explain why you do or do not get something.\n\n# What can the advisory council do?\n\nRead your municipality’s policy rules. Is there a list of help that is never possible? Ask why. A fixed list does not fit the law.',
    },
    reviewInDays: -20,
  },
  {
    key: 'kanalen',
    topic: 'invloed-kanalen',
    laws: ['wmo'],
    title: 'Zo praat u mee: de kanalen van invloed',
    summary: 'Inwoners praten op veel manieren mee over beleid: via de Wmo-raad, een platform, een wijkraad, een panel of een themabijeenkomst.',
    body: 'De Wmo zegt: de gemeente betrekt inwoners bij haar beleid. Dat kan op veel manieren.\n\n- **De adviesraad of Wmo-raad.** Vaste leden geven gevraagd en ongevraagd advies.\n- **Een platform voor mensen met een beperking.** Zij kijken vooral naar toegankelijkheid.\n- **Wijkraden en dorpsraden.** Zij weten wat er in de buurt speelt.\n- **Panels en themabijeenkomsten.** Een keer meepraten over één onderwerp.\n- **Gebruikersgroepen.** Bijvoorbeeld van de regiotaxi.\n\n# Tip\n\nWerk samen. Nodig een wijkraad uit in uw vergadering. Zo hoort de adviesraad meer verhalen.',
    en: {
      title: 'How to have your say: the channels of influence',
      summary: 'Residents have a say in policy in many ways: through the Wmo council, a platform, a neighbourhood council, a panel or a theme meeting.',
      body: 'The Wmo says: the municipality involves residents in its policy. That can happen in many ways.\n\n- **The advisory council or Wmo council.** Permanent members give requested and unsolicited advice.\n- **A platform for people with a disability.** They look mainly at accessibility.\n- **Neighbourhood and village councils.** They know what goes on locally.\n- **Panels and theme meetings.** Having a say once, on one topic.\n- **User groups.** For example of the regional taxi.\n\n# Tip\n\nWork together. Invite a neighbourhood council to your meeting. Then the advisory council hears more stories.',
    },
  },
  {
    key: 'momenten',
    topic: 'invloed-momenten',
    laws: ['wmo', 'jeugdwet', 'participatiewet'],
    title: 'De momenten van invloed: wanneer u het verschil maakt',
    summary: 'Het beleidsplan, de verordening, de beleidsregels, de regels voor medezeggenschap en de inkoop. Weet u deze momenten, dan kunt u op tijd meepraten.',
    body: 'Een adviesraad heeft de meeste invloed aan het begin. Als het plan nog niet klaar is. Daarom is het goed om te weten wanneer de gemeente iets maakt.\n\n# De vijf momenten\n\n1. **Het beleidsplan.** Eens in de vier jaar. Hierin staat wat de gemeente wil bereiken.\n2. **De verordening.** De Wmo is een kaderwet. De gemeente schrijft zelf de regels in een verordening.\n3. **De beleidsregels.** Hoe de gemeente de regels uitvoert. Voor de Wmo, de Jeugdwet en de Participatiewet.\n4. **Medezeggenschap en klachtrecht.** Regels voor aanbieders over meepraten en klagen.\n5. **De inkoop.** Welke aanbieders de hulp leveren, en hoe goed.\n\n# Tip\n\nZet deze momenten in een beleidskalender. Vraag de gemeente een half jaar van tevoren om u te betrekken.',
    en: {
      title: 'The moments of influence: when you make the difference',
      summary: 'The policy plan, the by-law, the policy rules, the rules on participation and complaints, and purchasing. Know these moments and you can have your say in time.',
      body: 'An advisory council has the most influence at the start, while the plan is not yet finished. So it helps to know when the municipality makes something.\n\n# The five moments\n\n1. **The policy plan.** Once every four years. It says what the municipality wants to achieve.\n2. **The by-law.** The Wmo is a framework law. The municipality writes its own rules in a by-law.\n3. **The policy rules.** How the municipality applies the rules, for the Wmo, the Youth Act and the Participation Act.\n4. **Participation and complaints.** Rules for providers on having a say and complaining.\n5. **Purchasing.** Which providers deliver the help, and how well.\n\n# Tip\n\nPut these moments in a policy calendar. Ask the municipality half a year ahead to involve you.',
    },
  },
  {
    key: 'tips',
    topic: 'tips',
    laws: [],
    title: 'Tien tips voor cliëntenraden en adviesraden',
    summary: 'Praktische tips om als raad sterker te staan: van een werkplan tot goede verslagen.',
    body: '1. Maak elk jaar een werkplan. Kies drie onderwerpen.\n2. Vraag de gemeente om de planning van nieuw beleid.\n3. Haal verhalen op bij inwoners. Een verhaal overtuigt.\n4. Schrijf een advies kort. Eén pagina is genoeg.\n5. Schrijf bij elk advies wat u vraagt.\n6. Vraag altijd om een reactie van het college.\n7. Houd bij wat er met uw adviezen gebeurt.\n8. Werk samen met andere raden in de regio.\n9. Zorg voor nieuwe leden met verschillende ervaringen.\n10. Vier wat goed gaat. Dat geeft energie.',
    en: {
      title: 'Ten tips for client councils and advisory councils',
      summary: 'Practical tips to make your council stronger: from a work plan to good minutes.',
      body: '1. Make a work plan every year. Pick three topics.\n2. Ask the municipality for its schedule of new policy.\n3. Collect stories from residents. A story convinces.\n4. Keep an advice short. One page is enough.\n5. Say in each advice what you ask for.\n6. Always ask for a response from the executive.\n7. Keep track of what happens with your advice.\n8. Work with other councils in the region.\n9. Find new members with different experiences.\n10. Celebrate what goes well. It gives energy.',
    },
  },
  {
    key: 'medezeggenschap',
    topic: 'medezeggenschap',
    laws: ['wmo'],
    title: 'Meepraten en klagen bij uw zorgaanbieder',
    summary: 'Aanbieders van Wmo-hulp moeten cliënten laten meepraten en een klachtenregeling hebben. De gemeente ziet daarop toe.',
    body: 'U krijgt hulp van een aanbieder, bijvoorbeeld een thuiszorgorganisatie. Die aanbieder moet u laten meepraten. Vaak via een cliëntenraad.\n\n# Klagen\n\nBent u niet tevreden? Zeg het eerst tegen uw hulpverlener. Helpt dat niet? Dan dient u een klacht in. Elke aanbieder moet een klachtenregeling hebben. Er is ook een onafhankelijke klachtenfunctionaris.\n\n# Wat doet de gemeente?\n\nDe gemeente legt in regels vast wat aanbieders moeten doen. De adviesraad mag daarover advies geven. Vraag ook hoeveel klachten er waren, en wat de gemeente ermee deed.',
    en: {
      title: 'Having a say and complaining at your care provider',
      summary: 'Providers of Wmo help must let clients have a say and must have a complaints procedure. The municipality oversees this.',
      body: 'You get help from a provider, for example a home care organisation. That provider must let you have a say, often through a client council.\n\n# Complaining\n\nNot satisfied? First tell your care worker. Does that not help? Then file a complaint. Every provider must have a complaints procedure. There is also an independent complaints officer.\n\n# What does the municipality do?\n\nThe municipality sets rules for what providers must do. The advisory council may advise on them. Also ask how many complaints there were, and what the municipality did with them.',
    },
  },
  {
    key: 'video',
    topic: 'invloed-kanalen',
    laws: ['wmo'],
    title: 'Video: wat doet een adviesraad?',
    summary: 'In een korte video ziet u wat een adviesraad doet. Met ondertiteling, een uitgeschreven tekst en een versie in gebarentaal.',
    body: 'Deze video laat in vier zinnen zien hoe een advies ontstaat. Van een gesprek met inwoners tot een brief aan het college.\n\nDe video heeft ondertiteling. Onder de video staat de hele tekst.',
    en: {
      title: 'Video: what does an advisory council do?',
      summary: 'In a short video you see what an advisory council does. With captions, a transcript and a sign-language version.',
      body: 'This video shows in four sentences how an advice comes about, from a talk with residents to a letter to the executive.\n\nThe video has captions. The whole text is below the video.',
    },
    video: {
      signLanguage: 'https://video.kennispunt-inspraak.example/wat-doet-een-adviesraad-ngt',
      captions: demoVideoCaptions,
      transcript: `${DEMO_VIDEO_CARDS.map((c) => `- ${c}`).join('\n')}\n\nIn beeld: elke zin staat in witte letters op een gekleurd vlak. Er is geen geluid.`,
    },
  },
];

const local: Record<string, Record<string, string>> = {
  lindewijk: {
    toegang:
      'In Lindewijk vraagt u hulp bij het **Sociaal Team Lindewijk**. U kunt langskomen in het wijkcentrum De Linde, op maandag en donderdag van 9.00 tot 12.00 uur. Bellen kan ook: 14 0999 (dit nummer is verzonnen voor de demo).',
    eigenbijdrage: 'Lindewijk vraagt geen eigen bijdrage voor de regiotaxi binnen de gemeente. Dat is gebeurd na een advies van onze raad in 2025.',
    keukentafel: 'In Lindewijk komt er altijd een cliëntondersteuner mee als u dat wilt. Vraag het als u het gesprek plant.',
    momenten: 'Het volgende Wmo-beleidsplan van Lindewijk komt in 2027. Onze werkgroep Wmo volgt dit. Wilt u meedenken? Mail de secretaris.',
  },
  bergeloo: {
    toegang: 'In Bergeloo vraagt u hulp bij het Wmo-loket in het gemeentehuis. Het loket is open op werkdagen van 9.00 tot 16.00 uur.',
    pgb: 'Bergeloo houdt elk voorjaar een informatieavond over het pgb. Onze Wmo-raad is daar ook.',
  },
};

const news: Record<string, { title: string; summary: string; body: string; daysAgo: number }[]> = {
  kennispunt: [
    {
      title: 'Nieuwe artikelen over de eigen bijdrage',
      summary: 'We hebben de uitleg over de eigen bijdrage herschreven, in gewone woorden.',
      body: 'Veel raden vroegen erom. De uitleg over de eigen bijdrage is nu korter en duidelijker. Neem het artikel over op uw eigen site en schrijf erbij hoe het in uw gemeente gaat.',
      daysAgo: 3,
    },
    {
      title: 'Video over het werk van een adviesraad',
      summary: 'Een korte video met ondertiteling en een versie in gebarentaal.',
      body: 'Twee leden van een adviesraad vertellen over hun werk. Gebruik de video bij het zoeken naar nieuwe leden.',
      daysAgo: 12,
    },
    {
      title: 'Terugblik: landelijke dag voor adviesraden',
      summary: 'Meer dan honderd raadsleden kwamen bij elkaar.',
      body: 'We spraken over de momenten van invloed. De belangrijkste tip: zet de data in een kalender en vraag de gemeente vroeg om u te betrekken.',
      daysAgo: 40,
    },
  ],
  lindewijk: [
    {
      title: 'Advies over de regiotaxi verstuurd',
      summary: 'De adviesraad vraagt de gemeente om betere afspraken met de vervoerder.',
      body: 'Veel inwoners meldden dat de regiotaxi te laat kwam. De raad heeft het college advies gegeven. We houden u op de hoogte.',
      daysAgo: 5,
    },
    {
      title: 'Wij zoeken nieuwe leden',
      summary: 'Hebt u ervaring met jeugdhulp of mantelzorg? Doe mee met de adviesraad.',
      body: 'De adviesraad zoekt twee nieuwe leden. U hoeft geen expert te zijn. Uw eigen ervaring is genoeg.',
      daysAgo: 20,
    },
  ],
};

const addDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Loads the demo knowledge base; the organisations and people exist already. */
export async function seedDemoKnowledge(tx: Tx, store: FileStore): Promise<void> {
  const video = demoVideoBytes();
  const videoHash = await store.put(video);
  await tx.insert(files).values({ hash: videoHash, contentType: 'video/webm', size: video.length }).onConflictDoNothing();
  const orgs = await tx
    .select()
    .from(councils)
    .where(inArray(councils.slug, ['kennispunt', 'lindewijk', 'bergeloo']));
  const bySlug = new Map(orgs.map((o) => [o.slug, o]));
  const national = bySlug.get('kennispunt')!;
  const [editor] = await tx
    .select({ id: users.id })
    .from(users)
    .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.councilId, national.id)))
    .where(eq(users.email, 'redactie@kennispunt-inspraak.example'));
  const ids = new Map<string, { id: string; version: number }>();
  for (const [i, a] of articles.entries()) {
    const [row] = await tx
      .insert(knowledgeArticles)
      .values({
        councilId: national.id,
        title: a.title,
        summary: a.summary,
        body: a.body,
        titleEn: a.en.title,
        summaryEn: a.en.summary,
        bodyEn: a.en.body,
        topic: a.topic,
        laws: a.laws,
        format: a.video ? 'video' : 'text',
        videoFile: a.video ? videoHash : null,
        videoType: a.video ? 'video/webm' : null,
        captionsVtt: a.video?.captions ?? null,
        transcript: a.video?.transcript ?? null,
        signLanguageUrl: a.video?.signLanguage ?? null,
        ownerUserId: editor?.id ?? null,
        reviewBy: addDays(a.reviewInDays ?? 150 + i * 20),
      })
      .returning();
    await tx
      .insert(knowledgeArticleVersions)
      .values({ councilId: national.id, articleId: row!.id, version: 1, title: row!.title, summary: row!.summary, body: row!.body, authorUserId: editor?.id ?? null });
    ids.set(a.key, { id: row!.id, version: 1 });
  }
  // The national text of one adopted article changed after Bergeloo adopted it: Bergeloo sees the difference.
  const access = ids.get('toegang')!;
  const accessArticle = articles.find((a) => a.key === 'toegang')!;
  const newBody = accessArticle.body.replace('Binnen zes weken onderzoekt de gemeente uw situatie.', 'Binnen zes weken onderzoekt de gemeente uw situatie. Dat staat in de wet.');
  await tx.update(knowledgeArticles).set({ body: newBody, version: 2 }).where(eq(knowledgeArticles.id, access.id));
  await tx
    .insert(knowledgeArticleVersions)
    .values({ councilId: national.id, articleId: access.id, version: 2, title: accessArticle.title, summary: accessArticle.summary, body: newBody, authorUserId: editor?.id ?? null });

  for (const [slug, paragraphs] of Object.entries(local)) {
    const council = bySlug.get(slug)!;
    for (const [key, paragraph] of Object.entries(paragraphs)) {
      const seen = key === 'toegang' && slug === 'lindewijk' ? 2 : 1;
      await tx.insert(knowledgeAdoptions).values({ councilId: council.id, articleId: ids.get(key)!.id, localParagraph: paragraph, seenVersion: seen });
    }
  }
  // A page of Lindewijk's own handbook, for members only.
  const lindewijk = bySlug.get('lindewijk')!;
  await tx.insert(knowledgeArticles).values({
    councilId: lindewijk.id,
    title: 'Handboek: zo maken wij een advies',
    summary: 'De stappen van een advies in onze raad, van aanvraag tot brief.',
    body: '1. De secretaris zet de aanvraag in de werkruimte.\n2. De werkgroep leest de stukken en haalt ervaringen op.\n3. De secretaris schrijft een concept.\n4. Alle leden stemmen in.\n5. De voorzitter tekent en de brief gaat naar het college.',
    topic: 'handboek',
    visibility: 'members',
    reviewBy: addDays(300),
  });
  for (const [slug, items] of Object.entries(news)) {
    const council = bySlug.get(slug)!;
    for (const n of items) {
      const at = new Date(Date.now() - n.daysAgo * 86_400_000);
      await tx.insert(knowledgeNews).values({ councilId: council.id, title: n.title, summary: n.summary, body: n.body, publishedAt: at, updatedAt: at });
    }
  }
}
