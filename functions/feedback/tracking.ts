/**
 * A response as the person who sent it looks it up: each comment with its
 * status and the published feedback entries that answer it. The same for the
 * API and the /track page, whether it came online, at a kiosk or on paper.
 */
import { feedbackForResponse, type FeedbackLink } from "./public.ts";
import { findResponse, type TrackedResponse } from "../responses/store.ts";

/** A comment as its author sees it: "answered" once a published entry answers it (a hidden one stays hidden). */
type TrackedStatus = TrackedResponse["comments"][number]["status"] | "answered";

export interface TrackedResponseWithFeedback extends Omit<TrackedResponse, "comments"> {
  comments: (Omit<TrackedResponse["comments"][number], "status"> & { status: TrackedStatus; feedback: number[] })[];
  feedback: (FeedbackLink & { youSaid: string; weDid: string })[];
}

export async function trackResponse(db: D1Database, reference: string): Promise<TrackedResponseWithFeedback | null> {
  const [response, answering] = await Promise.all([findResponse(db, reference), feedbackForResponse(db, reference)]);
  if (!response) return null;
  return {
    ...response,
    comments: response.comments.map((comment) => {
      const feedback = answering.filter((entry) => entry.comments.includes(comment.id)).map((entry) => entry.id);
      const status: TrackedStatus = feedback.length > 0 && comment.status !== "hidden" ? "answered" : comment.status;
      return { ...comment, status, feedback };
    }),
    feedback: answering.map(({ comments: _, ...entry }) => entry),
  };
}
