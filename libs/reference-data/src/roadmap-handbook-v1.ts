import type { HandbookGuidance } from '@cluster/domain';

/**
 * The roadmap handbook of the first version: a best-practice method for strategic roadmaps, from
 * the concept note ("handleiding met 'best practice' methode voor strategische roadmaps"). A roadmap
 * reads today → roadmap → vision 20xx; the ten criteria it is assessed on are named where a
 * section answers one, so the cluster writes for its assessors.
 */
export const ROADMAP_HANDBOOK_V1: HandbookGuidance[] = [
  {
    section: 'baseline',
    guidance: {
      nl: 'Vandaag: beschrijf waar de cluster nu staat, met cijfers. Welke bedrijven, kennisinstellingen en ondersteunende organisaties doen mee; welke omzet, tewerkstelling en investeringen vertegenwoordigen ze; welke sterktes en zwaktes heeft Vlaanderen in dit domein ten opzichte van het buitenland. Deze uitgangssituatie is de maatstaf waaraan de doelstellingen en de opvolging in de gestructureerde dialoog worden gemeten.',
      en: 'Today: describe where the cluster stands now, with figures. Which companies, knowledge institutions and support organisations take part; what turnover, employment and investment they represent; which strengths and weaknesses Flanders has in this domain compared with other regions. This baseline is the yardstick against which the objectives and the follow-up in the structured dialogue are measured.',
    },
  },
  {
    section: 'objectives',
    guidance: {
      nl: 'Formuleer weinig, meetbare doelstellingen voor de transitie naar nieuwe waardecreatie: wat is er over vijf à tien jaar anders dan vandaag? Koppel elke doelstelling aan een maatschappelijke uitdaging (criterium 1) en aan de economische meerwaarde die ze oplevert. Vermijd activiteiten als doelstelling: "tien pilootprojecten" is een middel, "30 % minder CO2 per ton product" een doel.',
      en: 'State a few measurable objectives for the transition to new value creation: what will be different from today in five to ten years? Link each objective to a societal challenge (criterion 1) and to the economic added value it brings. Avoid activities as objectives: "ten pilot projects" is a means, "30% less CO2 per tonne of product" a goal.',
    },
  },
  {
    section: 'milestones',
    guidance: {
      nl: 'Zet de weg van vandaag naar de visie uit in mijlpalen met een datum: wat moet wanneer bereikt zijn (een demonstrator, een investering, een norm)? Mijlpalen zijn toetsbaar, zodat de accountmanager in elke cyclus van de dialoog ziet of de routekaart op koers is en welke mijlpalen nog geen project hebben.',
      en: 'Lay out the path from today to the vision in dated milestones: what must be reached by when (a demonstrator, an investment, a standard)? Milestones can be checked, so that the account manager sees in every dialogue cycle whether the roadmap is on track and which milestones have no project yet.',
    },
  },
  {
    section: 'commitments',
    guidance: {
      nl: 'Noem per actor wat hij engageert: de trekkers die waardeketens en internationale samenwerking aansturen (criterium 4), de kritische partners van de alliantie (criterium 5) en hun financiële engagementen en garanties (criterium 10), in geld of in natura. Deze engagementen worden later de verbintenissen van de partnerschapsovereenkomst.',
      en: 'State per actor what they commit to: the lead actors who drive value chains and international cooperation (criterion 4), the critical partners of the alliance (criterion 5) and their financial commitments and guarantees (criterion 10), in money or in kind. These commitments later become the undertakings of the partnership agreement.',
    },
  },
  {
    section: 'projects',
    guidance: {
      nl: 'De projectportefeuille voert de routekaart uit (criterium 3): geef per project aan op welke doelstelling of mijlpaal het voortbouwt, hoe de projecten elkaar aanvullen en welke de volgende stappen zijn. Neem ook relevante projecten buiten de eigen werking op. Toon de hefboom van de gevraagde overheidssteun: additionaliteit, multiplicator en systeemeffect (criterium 9).',
      en: 'The project portfolio executes the roadmap (criterion 3): say for each project which objective or milestone it builds on, how the projects complement each other and what the next steps are. Include relevant projects outside the cluster\'s own work. Show the leverage of the government support requested: additionality, multiplier and system effect (criterion 9).',
    },
  },
  {
    section: 'internationalPositioning',
    guidance: {
      nl: 'Koppel de routekaart aan de Europese strategische partnerschappen en hun routekaarten (criterium 2): kies uit de lijst met welke S3-platformen, EIT-gemeenschappen, Horizon Europe-partnerschappen of IPCEI\'s ze is afgestemd, en hoe (lid, gezamenlijke projecten, afgestemde doelstellingen, waarnemer). Maak de internationale differentiatie van Vlaanderen duidelijk: complementariteit, competitiviteit en kritische massa (criterium 6). Andere internationale routekaarten vermeldt u als vrije tekst.',
      en: 'Link the roadmap to the European strategic partnerships and their roadmaps (criterion 2): choose from the list which S3 platforms, EIT communities, Horizon Europe partnerships or IPCEIs it is aligned with, and how (member, joint projects, aligned objectives, observer). Make the international differentiation of Flanders clear: complementarity, competitiveness and critical mass (criterion 6). Name other international roadmaps as free text.',
    },
  },
  {
    section: 'societalChallenges',
    guidance: {
      nl: 'Noem de maatschappelijke uitdagingen en innovatieknooppunten van Vlaanderen in Actie waaraan de cluster bijdraagt (criterium 1), en de sectoroverschrijdende waardeketens en interdisciplinaire innovatie die daarvoor nodig zijn (criterium 7). Vermeld ook de koppeling met een duurzaam loopbaan- en competentiebeleid (criterium 8).',
      en: 'Name the societal challenges and innovation hubs of Vlaanderen in Actie the cluster contributes to (criterion 1), and the cross-sector value chains and interdisciplinary innovation they need (criterion 7). Mention the link with a sustainable career and competence policy too (criterion 8).',
    },
  },
  {
    section: 'vision',
    guidance: {
      nl: 'Visie 20xx: schets in enkele alinea\'s de positie die de cluster tegen het horizonjaar internationaal wil innemen, gedragen door de trekkers. De visie is ambitieus maar geloofwaardig vanuit de beschrijving van vandaag; de doelstellingen en mijlpalen hierboven zijn de weg ernaartoe.',
      en: 'Vision 20xx: sketch in a few paragraphs the international position the cluster wants to hold by the horizon year, carried by its lead actors. The vision is ambitious yet credible from the baseline; the objectives and milestones above are the way there.',
    },
  },
];
