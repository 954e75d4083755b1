"use client";

import { formatEastern } from "@portway/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { FieldError } from "@/components/field-error";
import { useTRPC } from "@/trpc/react";

/** One customer account: its settings and its users (create, change role, deactivate). */
export function AccountDetail({ accountId }: { accountId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = { onSuccess: () => queryClient.invalidateQueries() };
  const account = useQuery({ ...trpc.administration.account.queryOptions({ accountId }), retry: false });
  const update = useMutation(trpc.administration.updateAccount.mutationOptions(refresh));
  const createUser = useMutation(trpc.administration.createUser.mutationOptions(refresh));
  const changeRole = useMutation(trpc.administration.changeUserRole.mutationOptions(refresh));
  const deactivate = useMutation(trpc.administration.deactivateUser.mutationOptions(refresh));
  if (account.error) {
    return (
      <p role="alert" className="form-error">
        {account.error.message}
      </p>
    );
  }
  if (!account.data) {
    return <p>Loading the account…</p>;
  }
  const { account: info, users } = account.data;
  return (
    <>
      <h1>{info.name}</h1>
      <section className="card" aria-labelledby="settings-heading">
        <h2 id="settings-heading">Settings</h2>
        <p>
          Key <code>{info.slug}</code> · created {formatEastern(info.createdAt)}
        </p>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={info.onNetOnly}
            disabled={update.isPending}
            onChange={(event) => update.mutate({ accountId, onNetOnly: event.target.checked })}
          />{" "}
          On-net only (this account may port only numbers in rate centers we serve)
        </label>
        <FieldError error={update.error} />
      </section>
      <section className="card" aria-labelledby="users-heading">
        <h2 id="users-heading">Users</h2>
        <table className="plain">
          <caption className="sr-only">Users of {info.name}</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Sign-in</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <td>{user.name}</td>
                <td>{user.email}</td>
                <td>
                  <select
                    aria-label={`Role of ${user.email}`}
                    value={user.role}
                    disabled={!user.active || changeRole.isPending}
                    onChange={(event) =>
                      changeRole.mutate({ accountId, userId: user.id, role: event.target.value as "admin" | "member" })
                    }
                  >
                    <option value="admin">admin</option>
                    <option value="member">member</option>
                  </select>
                </td>
                <td>{user.active ? "Active" : "Deactivated"}</td>
                <td>
                  {user.active ? (
                    <button
                      type="button"
                      className="button--quiet"
                      disabled={deactivate.isPending}
                      onClick={() => deactivate.mutate({ accountId, userId: user.id })}
                    >
                      Deactivate {user.email}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <FieldError error={changeRole.error} />
        <FieldError error={deactivate.error} />
        <h3>Add a user</h3>
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            const form = event.currentTarget;
            const data = new FormData(form);
            createUser.mutate(
              {
                accountId,
                name: String(data.get("name") ?? ""),
                email: String(data.get("email") ?? ""),
                role: data.get("role") === "admin" ? "admin" : "member",
                password: String(data.get("password") ?? ""),
              },
              { onSuccess: () => form.reset() },
            );
          }}
        >
          <label>
            Name <input name="name" required />
            <FieldError error={createUser.error} field="name" />
          </label>
          <label>
            Email <input name="email" type="email" required />
            <FieldError error={createUser.error} field="email" />
          </label>
          <label>
            Role{" "}
            <select name="role" defaultValue="member">
              <option value="member">member</option>
              <option value="admin">admin</option>
            </select>
          </label>
          <label>
            First password <input name="password" type="password" minLength={12} required autoComplete="new-password" />
            <FieldError error={createUser.error} field="password" />
          </label>
          <button type="submit" disabled={createUser.isPending}>
            Add user
          </button>
        </form>
        <FieldError error={createUser.error} />
      </section>
    </>
  );
}
