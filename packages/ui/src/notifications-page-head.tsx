import type { ReactNode } from "react";

export interface NotificationsPageHeadProps {
  /** Where "Email preferences" leads. */
  preferencesHref: string;
  /** Each portal's own class names for the heading row, its actions and the intro. */
  classNames: { head: string; actions: string; intro: string };
  /** What the page lists, in a sentence or two. */
  children: ReactNode;
}

/** The notifications page's heading, its link to the email preferences and the intro under them. */
export function NotificationsPageHead({ preferencesHref, classNames, children }: NotificationsPageHeadProps) {
  return (
    <>
      <div className={classNames.head}>
        <h1>Notifications</h1>
        <div className={classNames.actions}>
          <a href={preferencesHref}>Email preferences</a>
        </div>
      </div>
      <p className={classNames.intro}>{children}</p>
    </>
  );
}
