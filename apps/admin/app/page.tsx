import { AdminShell } from "@/components/admin-shell";
import { requireStaff } from "@/server/session";
import { getQueryClient, HydrateClient, trpc } from "@/trpc/server";
import { DueToday, openStatuses, QueueFigures } from "./home-figures";
import { SystemStatus } from "./system/system-status";

export const dynamic = "force-dynamic";

/** The day's work: queues with age and late items, what is due today (ET), and my own items. */
export default async function AdminHomePage() {
  const staff = await requireStaff();
  const queryClient = getQueryClient();
  const [home] = await Promise.all([
    queryClient.fetchQuery(trpc.home.today.queryOptions()),
    queryClient.prefetchQuery(trpc.system.status.queryOptions()),
  ]);
  const day = home.today.date;
  return (
    <AdminShell>
      <h1>Today, {day}</h1>
      <p className="lede">
        Good day, {staff.name}. Every figure opens the list behind it. Times are Eastern; “late” means waiting longer
        than the queue's expected time.
      </p>
      <div className="home-grid">
        <section className="card" aria-labelledby="queues-heading">
          <h2 id="queues-heading">Queues</h2>
          <QueueFigures queues={home.queues} mine={false} />
        </section>
        <section className="card" aria-labelledby="mine-heading">
          <h2 id="mine-heading">My items</h2>
          <p>
            <a href={`/orders?assignee=${encodeURIComponent(staff.userId)}&status=${openStatuses}`}>
              {home.mine.orders} open orders assigned to me
            </a>
          </p>
          <QueueFigures queues={home.mine.queues} mine />
        </section>
      </div>
      <DueToday
        title="FOCs due today"
        due={home.focsDue}
        date={day}
        href={`/orders?focFrom=${day}&focTo=${day}&status=${openStatuses}&sort=focAt&dir=asc`}
      />
      <DueToday
        title="Activations due today"
        due={home.activationsDue}
        date={day}
        href={`/orders?actFrom=${day}&actTo=${day}`}
      />
      <section className="card" aria-labelledby="system-heading">
        <h2 id="system-heading">System</h2>
        <HydrateClient>
          <SystemStatus />
        </HydrateClient>
      </section>
    </AdminShell>
  );
}
