"use client";

import { formatEastern } from "@portway/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { FieldError } from "@/components/field-error";
import { useTRPC } from "@/trpc/react";

/** Add, re-role and deactivate staff users (leads only; the server refuses analysts). */
export function StaffAdmin({ myId }: { myId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = { onSuccess: () => queryClient.invalidateQueries() };
  const users = useQuery(trpc.staff.list.queryOptions());
  const create = useMutation(trpc.staff.create.mutationOptions(refresh));
  const changeRole = useMutation(trpc.staff.changeRole.mutationOptions(refresh));
  const deactivate = useMutation(trpc.staff.deactivate.mutationOptions(refresh));
  return (
    <>
      <section className="card" aria-labelledby="new-staff-heading">
        <h2 id="new-staff-heading">Add a member</h2>
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            const form = event.currentTarget;
            const data = new FormData(form);
            create.mutate(
              {
                name: String(data.get("name") ?? ""),
                email: String(data.get("email") ?? ""),
                role: data.get("role") === "lead" ? "lead" : "analyst",
                password: String(data.get("password") ?? ""),
              },
              { onSuccess: () => form.reset() },
            );
          }}
        >
          <label>
            Name <input name="name" required autoComplete="off" />
            <FieldError error={create.error} field="name" />
          </label>
          <label>
            Email <input name="email" type="email" required autoComplete="off" />
            <FieldError error={create.error} field="email" />
          </label>
          <label>
            Role
            <select name="role" defaultValue="analyst">
              <option value="analyst">Analyst</option>
              <option value="lead">Lead</option>
            </select>
          </label>
          <label>
            First password <input name="password" type="text" minLength={12} required autoComplete="off" />
            <FieldError error={create.error} field="password" />
          </label>
          <button type="submit" disabled={create.isPending}>
            Add member
          </button>
        </form>
        {create.isSuccess ? (
          <p role="status">Added. Hand over the first password; it must be changed at the first sign-in.</p>
        ) : null}
        <FieldError error={create.error} />
      </section>
      <section className="card" aria-labelledby="staff-list-heading">
        <h2 id="staff-list-heading">Members</h2>
        <FieldError error={changeRole.error ?? deactivate.error} />
        <div className="data-table__scroll">
          <table className="plain">
            <caption className="sr-only">Porting team members</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">State</th>
                <th scope="col">Added</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {(users.data ?? []).map((user) => (
                <tr key={user.id}>
                  <td>
                    {user.name}
                    {user.id === myId ? " (you)" : ""}
                  </td>
                  <td>{user.email}</td>
                  <td>
                    <label>
                      <span className="sr-only">Role of {user.name}</span>
                      <select
                        value={user.role}
                        disabled={!user.active || changeRole.isPending}
                        onChange={(e) =>
                          changeRole.mutate({ userId: user.id, role: e.target.value === "lead" ? "lead" : "analyst" })
                        }
                      >
                        <option value="analyst">Analyst</option>
                        <option value="lead">Lead</option>
                      </select>
                    </label>
                  </td>
                  <td>
                    {user.active ? (user.mustChangePassword ? "Active, first password" : "Active") : "Deactivated"}
                  </td>
                  <td>{formatEastern(user.createdAt)}</td>
                  <td>
                    {user.active ? (
                      <button
                        type="button"
                        className="button--quiet"
                        disabled={deactivate.isPending}
                        onClick={() => {
                          if (window.confirm(`Deactivate ${user.name}? They are signed out at once.`)) {
                            deactivate.mutate({ userId: user.id });
                          }
                        }}
                      >
                        Deactivate {user.name}
                      </button>
                    ) : (
                      "—"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
