import { notFound } from "next/navigation";
import { AdminShell } from "@/components/admin-shell";
import { isQueueName, queueDefinitions } from "./queue-definitions";
import { QueueView } from "./queue-view";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ queue: string }> }) {
  const { queue } = await params;
  return { title: `${isQueueName(queue) ? queueDefinitions[queue].title : "Queue"} · Portway admin` };
}

export default async function QueuePage({ params }: { params: Promise<{ queue: string }> }) {
  const { queue } = await params;
  if (!isQueueName(queue)) {
    notFound();
  }
  const definition = queueDefinitions[queue];
  return (
    <AdminShell>
      <h1>{definition.title}</h1>
      <p className="lede">{definition.explain}</p>
      <QueueView queue={queue} />
    </AdminShell>
  );
}
