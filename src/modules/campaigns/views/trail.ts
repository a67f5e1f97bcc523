/** The trail above a page under one campaign, public or in the workspace: the list, then the campaign. */
export const campaignTrail = (paths: { list: string; one: string }, listLabel: string, campaign: { title: string }) => [
  { href: paths.list, label: listLabel },
  { href: paths.one, label: campaign.title },
];
