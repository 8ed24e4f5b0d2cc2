import { describe, it } from "vitest";
import { clusterComments } from "../../functions/officers/suggestions/clustering.ts";
import { commentWords, likelyLanguage, stem } from "../../functions/officers/suggestions/words.ts";
import { SUGGESTION_FIXTURE } from "../fixtures/suggestions/comments.ts";

const OPTIONS = { minSize: 2, terms: 6, examples: 3 };
const compared = (fixture = SUGGESTION_FIXTURE) => fixture.map((comment, index) => ({ id: index + 1, words: commentWords(comment.text) }));
const topicOf = (id: number) => SUGGESTION_FIXTURE[id - 1]!.topic;
const languageOf = (id: number) => SUGGESTION_FIXTURE[id - 1]!.language;

describe("the words suggested groupings compare", () => {
  it("give singular and plural one stem in English, Spanish and Italian", ({ expect }) => {
    expect(stem("shelters", "en")).toBe(stem("shelter", "en"));
    expect(stem("albergues", "es")).toBe(stem("albergue", "es"));
    expect(stem("refugios", "es")).toBe(stem("refugio", "es"));
    expect(stem("dormitori", "it")).toBe(stem("dormitorio", "it"));
    expect(stem("rifugi", "it")).toBe(stem("rifugio", "it"));
    expect(stem("alberghi", "it")).toBe(stem("albergo", "it"));
  });

  it("tell a comment's language from its common words, and leave those words out", ({ expect }) => {
    expect(likelyLanguage(["los", "albergues", "de", "la", "ciudad"])).toBe("es");
    expect(likelyLanguage(["i", "dormitori", "della", "citta", "sono", "pochi"])).toBe("it");
    expect(likelyLanguage(["the", "shelters", "are", "full"])).toBe("en");
    expect(commentWords("The shelters are full").map((word) => word.stem)).toEqual([stem("shelters", "en"), "full"]);
    expect(commentWords("Salud MENTAL en la calle").map((word) => word.shown)).toEqual(["salud", "mental", "calle"]);
  });
});

describe("suggested groupings", () => {
  it("never put comments about shelters with comments about mental health, in any language", ({ expect }) => {
    const groups = clusterComments(compared(), OPTIONS);
    expect(groups.length).toBeGreaterThan(0);
    for (const group of groups) {
      const topics = new Set(group.commentIds.map(topicOf));
      expect(topics.size, `group ${group.commentIds} mixes ${[...topics]}`).toBe(1);
    }
  });

  it("group each language's comments about shelters together, and find comments about mental health", ({ expect }) => {
    const groups = clusterComments(compared(), OPTIONS);
    for (const language of ["en", "es", "it"] as const) {
      const shelters = SUGGESTION_FIXTURE.flatMap((comment, index) => (comment.language === language && comment.topic === "shelter" ? [index + 1] : []));
      expect(groups.some((group) => shelters.every((id) => group.commentIds.includes(id))), `${language} shelters`).toBe(true);
      const mentalHealth = groups.filter((group) => group.commentIds.some((id) => languageOf(id) === language && topicOf(id) === "mentalHealth"));
      expect(mentalHealth.length, `${language} mental health`).toBeGreaterThan(0);
    }
    const english = groups.find((group) => group.commentIds.includes(1))!;
    expect(english.terms).toContain("shelter");
    expect(english.terms).not.toContain("the");
    expect(english.exampleIds).toHaveLength(3);
    expect(english.exampleIds.every((id) => english.commentIds.includes(id))).toBe(true);
  });

  it("leave a comment about something else out of every group", ({ expect }) => {
    const groups = clusterComments(compared(), OPTIONS);
    const others = SUGGESTION_FIXTURE.flatMap((comment, index) => (comment.topic === "other" ? [index + 1] : []));
    for (const group of groups) for (const id of others) expect(group.commentIds).not.toContain(id);
  });

  it("give the same groups for the same comments, whatever order they come in", ({ expect }) => {
    const first = clusterComments(compared(), OPTIONS);
    expect(clusterComments(compared(), OPTIONS)).toEqual(first);
    expect(clusterComments([...compared()].reverse(), OPTIONS)).toEqual(first);
  });

  it("group nothing when no two comments share a word", ({ expect }) => {
    expect(clusterComments(compared([{ language: "en", topic: "other", text: "Buses" }, { language: "en", topic: "other", text: "Libraries" }]), OPTIONS)).toEqual([]);
    expect(clusterComments([], OPTIONS)).toEqual([]);
  });
});
