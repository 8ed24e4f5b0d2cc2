/** Sharing the work on a comment: whom it is assigned to, and officers' private notes on it. */
import { z } from "zod";
import { officerEndpoint } from "../../context.ts";
import { validate } from "../../validation.ts";
import { commentIdParam, jsonBody, jsonOnly } from "../officer-json.ts";
import { recordId } from "../../../lib/ids.ts";
import { assignComment, assignmentSchema } from "../../../officers/assignments.ts";
import { commentNotFound } from "../../../officers/not-found.ts";
import { addNote, deleteNote, listNotes, noteSchema } from "../../../officers/notes.ts";

const noteParams = validate("param", z.object({ id: recordId, noteId: recordId }), { notFoundMessage: "admin.error.noteNotFound" });

export const assign = officerEndpoint.createHandlers(commentIdParam, jsonOnly, jsonBody(assignmentSchema), async (c) =>
  c.json(await assignComment(c.env.DB, c.get("officer"), c.req.valid("param").id, c.req.valid("json"))),
);

export const notes = officerEndpoint.createHandlers(commentIdParam, async (c) => {
  const id = c.req.valid("param").id;
  if (!(await c.env.DB.prepare("SELECT 1 FROM comments WHERE id = ?").bind(id).first())) throw commentNotFound();
  return c.json({ notes: await listNotes(c.env.DB, id) });
});

export const addNoteTo = officerEndpoint.createHandlers(commentIdParam, jsonOnly, jsonBody(noteSchema), async (c) =>
  c.json(await addNote(c.env.DB, c.get("officer"), c.req.valid("param").id, c.req.valid("json").text), 201),
);

export const removeNote = officerEndpoint.createHandlers(noteParams, async (c) => {
  const { id, noteId } = c.req.valid("param");
  await deleteNote(c.env.DB, c.get("officer"), id, noteId);
  return c.body(null, 204);
});
