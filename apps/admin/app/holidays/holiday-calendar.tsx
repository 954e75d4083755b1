"use client";

import { formatEastern } from "@portway/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { FieldError } from "@/components/field-error";
import { useTRPC } from "@/trpc/react";

export function HolidayCalendar() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = { onSuccess: () => queryClient.invalidateQueries() };
  const holidays = useQuery(trpc.administration.holidays.queryOptions());
  const carriers = useQuery(trpc.numbering.carriers.queryOptions());
  const add = useMutation(trpc.administration.addHoliday.mutationOptions(refresh));
  const remove = useMutation(trpc.administration.removeHoliday.mutationOptions(refresh));
  return (
    <>
      <section className="card" aria-labelledby="add-holiday-heading">
        <h2 id="add-holiday-heading">Add a holiday</h2>
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            const form = event.currentTarget;
            const data = new FormData(form);
            const carrierId = String(data.get("carrierId") ?? "");
            add.mutate(
              {
                date: String(data.get("date") ?? ""),
                name: String(data.get("name") ?? ""),
                carrierId: carrierId === "" ? null : carrierId,
              },
              { onSuccess: () => form.reset() },
            );
          }}
        >
          <label>
            Date <input name="date" type="date" required />
            <FieldError error={add.error} field="date" />
          </label>
          <label>
            Name <input name="name" required placeholder="e.g. Day after Thanksgiving" />
            <FieldError error={add.error} field="name" />
          </label>
          <label>
            Applies to{" "}
            <select name="carrierId" defaultValue="">
              <option value="">Every carrier (company-wide)</option>
              {(carriers.data ?? []).map((carrier) => (
                <option key={carrier.id} value={carrier.id}>
                  {carrier.name} ({carrier.spid})
                </option>
              ))}
            </select>
          </label>
          <button type="submit" disabled={add.isPending}>
            Add holiday
          </button>
        </form>
        {add.isSuccess ? <p role="status">Holiday added; scheduling skips it from now on.</p> : null}
        <FieldError error={add.error} />
      </section>
      <table className="plain">
        <caption>Holidays added by leads</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Name</th>
            <th scope="col">Applies to</th>
            <th scope="col">Added</th>
            <th scope="col">
              <span className="sr-only">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(holidays.data ?? []).length === 0 ? (
            <tr>
              <td colSpan={5}>No holidays added yet.</td>
            </tr>
          ) : null}
          {(holidays.data ?? []).map((holiday) => (
            <tr key={holiday.id}>
              <td>{holiday.date}</td>
              <td>{holiday.name}</td>
              <td>{holiday.carrierName ?? "Every carrier"}</td>
              <td>{formatEastern(holiday.createdAt)}</td>
              <td>
                <button
                  type="button"
                  className="button--quiet"
                  disabled={remove.isPending}
                  onClick={() => remove.mutate({ holidayId: holiday.id })}
                >
                  Remove {holiday.date}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <FieldError error={remove.error} />
    </>
  );
}
