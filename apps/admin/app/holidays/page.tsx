import { AdminShell } from "@/components/admin-shell";
import { HolidayCalendar } from "./holiday-calendar";

export const dynamic = "force-dynamic";
export const metadata = { title: "Holidays · Portway admin" };

export default function HolidaysPage() {
  return (
    <AdminShell leadOnly>
      <h1>Porting holiday calendar</h1>
      <p className="lede">
        New Year's Day, Memorial Day, Independence Day, Labor Day, Thanksgiving and Christmas are built in (observed on
        the Friday before or Monday after a weekend). Dates added here count as non-business days at once: the
        customers' FOC pickers stop offering them and every scheduling rule skips them.
      </p>
      <HolidayCalendar />
    </AdminShell>
  );
}
