/**
 * An execReport frame around a report serialised once. A report goes to the
 * connection that asked (with its reqId) and to every other connection
 * entitled to see it (without); serialising the report once and wrapping it
 * per connection gives the same bytes as JSON.stringify of the whole message,
 * with keys in the protocol's order: type, reqId (left out when undefined), report.
 */
export function execReportFrame(reportJson: string, reqId: string | undefined): string {
  return reqId === undefined ? `{"type":"execReport","report":${reportJson}}` : `{"type":"execReport","reqId":${JSON.stringify(reqId)},"report":${reportJson}}`;
}
