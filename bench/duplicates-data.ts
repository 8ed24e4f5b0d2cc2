/**
 * A labelled synthetic consultation for the grouping bench: one campaign
 * sent from a template with small edits, groups of near-duplicates, and
 * distinct comments built from the same topic's phrases (so they share
 * words, as real comments on one strategy do). Seeded: every run is the same.
 */

export interface LabelledComment {
  text: string;
  /** "campaign", a near-duplicate group's number, or null for a distinct comment. */
  label: "campaign" | number | null;
}

function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = ["the council", "the borough", "outreach teams", "hostel staff", "the strategy", "housing officers", "day centres", "support workers", "local charities", "the night shelter", "health services", "young people", "families", "people sleeping rough", "private landlords", "the housing register", "social workers", "the police", "mental health teams", "volunteers"];
const VERBS = ["should fund", "must provide", "needs to expand", "could improve", "ought to review", "has failed to deliver", "should prioritise", "must protect", "needs more", "should stop cutting", "has to consider", "should work with", "must listen to", "needs to explain", "should invest in", "could open", "has ignored", "should guarantee", "must rethink", "should publish"];
const OBJECTS = ["emergency beds", "hostel places", "mental health support", "drug and alcohol services", "rent deposits", "temporary accommodation", "winter shelters", "advice services", "outreach at night", "housing first places", "support for care leavers", "help with benefits", "access to a doctor", "storage for belongings", "places for couples", "shelter for dogs", "women only spaces", "translation services", "showers and laundry", "employment support", "move on housing", "hospital discharge plans", "prison release plans", "debt advice", "tenancy sustainment", "family hostels", "youth services", "domestic abuse refuges", "safe parking", "landlord incentives", "data on rough sleeping", "street counts", "day centre opening hours", "free phone charging", "digital access", "a single point of contact", "faster assessments", "fewer evictions", "legal advice", "hot meals"];
const REASONS = ["because people are dying on the streets", "since the waiting lists are far too long", "as the current system is confusing", "because winters are getting colder", "since many people have nowhere to go", "because families are stuck in one room", "as the money has been cut every year", "because nobody answers the phone", "since the hostels are always full", "because people need a stable address", "as it would save money later", "because the last strategy did not work", "since it is what residents asked for", "because it keeps people safe", "as other boroughs already do this"];
const CONNECTORS = ["I think", "In my view", "Honestly", "As a resident", "From my experience", "I strongly believe", "It seems to me", "Above all", "Also", "Finally"];

const GREETINGS = ["Dear Sir or Madam,", "To whom it may concern,", "Hello,", "Dear Councillors,", "Hi,", "Dear Council,", "Good morning,", ""];
const SIGN_OFFS = ["Regards,", "Thanks,", "Yours faithfully,", "Best wishes,", "Kind regards,", "Sincerely,"];
const FIRST = ["Anna", "Ben", "Chloe", "David", "Emma", "Farid", "Grace", "Hassan", "Isla", "Jamal", "Kate", "Liam", "Maria", "Noah", "Olga", "Priya", "Sam", "Tariq", "Uma", "Yusuf"];
const LAST = ["Smith", "Jones", "Patel", "Khan", "Brown", "Taylor", "Wilson", "Ahmed", "Clarke", "Evans", "Garcia", "Rossi", "Nowak", "Okafor", "Hughes"];
const SWAPS: Record<string, string> = { must: "should", should: "must", more: "extra", people: "residents", urgently: "quickly", help: "support", council: "borough", very: "really", homes: "houses", now: "today" };

const CAMPAIGN = [
  "We the undersigned call on the council to stop closing the Eastbrook night shelter before a replacement is open.",
  "Every winter people sleep in doorways on the high street because there are not enough emergency beds in the borough.",
  "The draft strategy promises to end rough sleeping but it cuts the very services that keep people alive.",
  "Please keep the shelter open all year, fund outreach workers at night and publish how many beds are free each evening.",
  "Nobody should have to choose between a cold bench and a crowded hostel where they do not feel safe.",
];

export function syntheticConsultation(total = 100_000, campaignSize = 5_000, nearDuplicates = 20_000, seed = 21): LabelledComment[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;

  const sentence = () => `${pick(CONNECTORS)} ${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)} ${pick(REASONS)}.`;
  const distinct = () => Array.from({ length: 1 + Math.floor(next() * 6) }, sentence).join(" ");

  /** A copy with small edits: another greeting and name, a word or two changed, sentences moved, sometimes a line of one's own. */
  const edited = (sentences: string[]) => {
    const copy = sentences.map((line) => line.split(" "));
    for (let edits = Math.floor(next() * 4); edits > 0; edits--) {
      const words = pick(copy);
      const at = Math.floor(next() * words.length);
      const choice = next();
      const swap = SWAPS[words[at]!.toLowerCase()];
      if (choice < 0.4 && swap) words[at] = swap;
      else if (choice < 0.7 && words.length > 4) words.splice(at, 1);
      else words.splice(at, 0, pick(["really", "urgently", "also", "please", "now"]));
    }
    if (next() < 0.3 && copy.length > 1) {
      const [a, b] = [Math.floor(next() * copy.length), Math.floor(next() * copy.length)];
      [copy[a], copy[b]] = [copy[b]!, copy[a]!];
    }
    const body = copy.map((words) => words.join(" "));
    if (next() < 0.3) body.push(sentence());
    return [pick(GREETINGS), ...body, `${pick(SIGN_OFFS)} ${pick(FIRST)} ${pick(LAST)}`].filter(Boolean).join("\n");
  };

  const comments: LabelledComment[] = [];
  for (let i = 0; i < campaignSize; i++) comments.push({ text: edited(CAMPAIGN), label: "campaign" });
  let group = 0;
  for (let made = 0; made < nearDuplicates; group++) {
    const size = Math.min(2 + Math.floor(next() * 49), nearDuplicates - made < 2 ? 2 : nearDuplicates - made);
    const base = Array.from({ length: 3 + Math.floor(next() * 4) }, sentence);
    for (let i = 0; i < size; i++) comments.push({ text: edited(base), label: group });
    made += size;
  }
  while (comments.length < total) comments.push({ text: distinct(), label: null });
  // Arrival order: everything mixed, as a consultation receives it.
  for (let i = comments.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [comments[i], comments[j]] = [comments[j]!, comments[i]!];
  }
  return comments;
}
