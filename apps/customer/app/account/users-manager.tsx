"use client";

import { formatEastern } from "@portway/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Field, FormErrors } from "@/components/field";
import { errorsByField, messagesFor } from "@/lib/errors";
import { useTRPC } from "@/trpc/react";

type Role = "admin" | "member";
const emptyUser = { name: "", email: "", role: "member" as Role, password: "" };

/**
 * The account's users and roles. Everyone sees the list; an account admin also adds users (with a first password
 * they hand over), changes roles and deactivates users. The server keeps at least one admin.
 */
export function UsersManager({ isAdmin, myEmail }: { isAdmin: boolean; myEmail: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const users = useQuery(trpc.account.users.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.account.users.queryKey() });
  const [draft, setDraft] = useState(emptyUser);
  const [done, setDone] = useState<string | null>(null);
  const add = useMutation({
    ...trpc.account.addUser.mutationOptions(),
    onSuccess: async () => {
      setDone(`${draft.name} can now sign in as ${draft.email.trim().toLowerCase()} with the first password you set.`);
      setDraft(emptyUser);
      await refresh();
    },
  });
  const changeRole = useMutation({
    ...trpc.account.changeRole.mutationOptions(),
    onSuccess: async (_data, input) => {
      setDone(`Role changed to ${input.role}.`);
      await refresh();
    },
  });
  const deactivate = useMutation({
    ...trpc.account.deactivateUser.mutationOptions(),
    onSuccess: async () => {
      setDone("User deactivated: signed out everywhere and unable to sign in again.");
      await refresh();
    },
  });
  const addErrors = errorsByField(add.error);
  const rowError = changeRole.error ?? deactivate.error;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    add.mutate(draft);
  };
  const rows = users.data ?? [];
  return (
    <>
      {done ? (
        <p className="nt-notice nt-notice--good" role="status">
          {done}
        </p>
      ) : null}
      {rowError ? (
        <p role="alert" className="nt-error">
          {rowError.message}
        </p>
      ) : null}
      <table className="plain-table">
        <caption className="sr-only">Users of this account</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Since</th>
            {isAdmin ? <th scope="col">Sign-in</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((user) => {
            const me = user.email === myEmail;
            return (
              <tr key={user.id}>
                <td>
                  {user.name}
                  {me ? " (you)" : ""}
                </td>
                <td>{user.email}</td>
                <td>
                  {isAdmin && user.active ? (
                    <select
                      aria-label={`Role of ${user.name}`}
                      value={user.role}
                      disabled={changeRole.isPending}
                      onChange={(e) => {
                        setDone(null);
                        changeRole.mutate({ userId: user.id, role: e.target.value as Role });
                      }}
                    >
                      <option value="admin">admin</option>
                      <option value="member">member</option>
                    </select>
                  ) : (
                    user.role
                  )}
                </td>
                <td>{formatEastern(user.createdAt)}</td>
                {isAdmin ? (
                  <td>
                    {!user.active ? (
                      <span className="badge badge--neutral">deactivated</span>
                    ) : me ? (
                      "active"
                    ) : (
                      <button
                        type="button"
                        className="button--quiet"
                        disabled={deactivate.isPending}
                        aria-label={`Deactivate ${user.name}`}
                        onClick={() => {
                          if (
                            window.confirm(`Deactivate ${user.name}? They are signed out and cannot sign in again.`)
                          ) {
                            setDone(null);
                            deactivate.mutate({ userId: user.id });
                          }
                        }}
                      >
                        Deactivate
                      </button>
                    )}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
      {isAdmin ? (
        <form className="form-grid" onSubmit={submit} noValidate aria-labelledby="add-user-heading">
          <h3 id="add-user-heading">Add a user</h3>
          <Field label="Name" errors={messagesFor(addErrors, "name")}>
            {({ id, describedBy, invalid }) => (
              <input
                id={id}
                value={draft.name}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                onChange={(e) => setDraft({ ...draft, name: e.target.value })}
              />
            )}
          </Field>
          <Field label="Email" errors={messagesFor(addErrors, "email")}>
            {({ id, describedBy, invalid }) => (
              <input
                id={id}
                type="email"
                value={draft.email}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                onChange={(e) => setDraft({ ...draft, email: e.target.value })}
              />
            )}
          </Field>
          <Field label="Role" hint="Admins also manage users, API keys and webhooks.">
            {({ id, describedBy }) => (
              <select
                id={id}
                value={draft.role}
                aria-describedby={describedBy}
                onChange={(e) => setDraft({ ...draft, role: e.target.value as Role })}
              >
                <option value="member">member</option>
                <option value="admin">admin</option>
              </select>
            )}
          </Field>
          <Field
            label="First password"
            hint="At least 12 characters; hand it over yourself."
            errors={messagesFor(addErrors, "password")}
          >
            {({ id, describedBy, invalid }) => (
              <input
                id={id}
                type="password"
                autoComplete="new-password"
                value={draft.password}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                onChange={(e) => setDraft({ ...draft, password: e.target.value })}
              />
            )}
          </Field>
          <FormErrors messages={add.error && Object.keys(addErrors).length === 0 ? [add.error.message] : []} />
          <div>
            <button type="submit" disabled={add.isPending}>
              Add user
            </button>
          </div>
        </form>
      ) : null}
    </>
  );
}
