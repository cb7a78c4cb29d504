/**
 * Messages as QuickFIX's example programs sent them to the venue (copied from
 * the integration test's wire log, '|' for SOH), and a few a FIX 4.4 broker
 * sends that those programs never do.
 */
export const wire = {
  /** executor, FIX 4.4: every limit order filled at once, no separate New. */
  executorFill:
    '8=FIX.4.4|9=148|35=8|34=2|49=EXECUTOR|52=20261123-10:10:53.627|56=CLIENT1|1=ACC1|6=10.25|11=c1|14=100|17=1|31=10.25|32=100|37=1|38=100|39=2|54=1|55=IBM|150=F|151=0|10=173|',
  /** executor resends it after a gap, as a possible duplicate. */
  executorFillResent:
    '8=FIX.4.4|9=179|35=8|34=5|43=Y|49=EXECUTOR|52=20261123-10:11:09.337|56=CLIENT1|122=20261123-10:11:01.722|1=ACC1|6=10.25|11=c1|14=100|17=1|31=10.25|32=100|37=1|38=100|39=2|54=1|55=IBM|150=F|151=0|10=166|',
  /** executor refuses a market order at the session level. */
  executorRejectsMarket:
    '8=FIX.4.4|9=126|35=3|34=2|49=EXECUTOR|52=20261123-10:24:02.398|56=T|45=2|58=Value is incorrect (out of range) for this tag|371=40|372=D|373=5|10=033|',
  /** ordermatch, FIX 4.2: a resting order acknowledged. */
  ordermatchNew:
    '8=FIX.4.2|9=129|35=8|34=2|49=ORDERMATCH|52=20261123-10:11:51.034|56=CLIENT1|6=0|11=b1|14=0|17=1|20=0|37=b1|38=100|39=0|54=1|55=IBM|150=0|151=100|10=059|',
  /** ordermatch: part of it trades (FIX 4.2 ExecType 1, LastShares 32). */
  ordermatchPartial:
    '8=FIX.4.2|9=146|35=8|34=4|49=ORDERMATCH|52=20261123-10:11:51.034|56=CLIENT1|6=10.2|11=b1|14=60|17=3|20=0|31=10.2|32=60|37=b1|38=100|39=1|54=1|55=IBM|150=1|151=40|10=070|',
  /** ordermatch: the other side trades in full (ExecType 2). */
  ordermatchFilled:
    '8=FIX.4.2|9=144|35=8|34=5|49=ORDERMATCH|52=20261123-10:11:51.034|56=CLIENT1|6=10.2|11=s1|14=60|17=4|20=0|31=10.2|32=60|37=s1|38=60|39=2|54=2|55=IBM|150=2|151=0|10=012|',
  /** ordermatch confirms a cancel under the order's original ClOrdID. */
  ordermatchCanceled:
    '8=FIX.4.2|9=131|35=8|34=7|49=ORDERMATCH|52=20261123-10:11:51.035|56=CLIENT1|6=10.2|11=b1|14=60|17=5|20=0|37=b1|38=100|39=4|54=1|55=IBM|150=4|151=0|10=172|',
  /** ordermatch rejects a market order in an ExecutionReport. */
  ordermatchRejected:
    '8=FIX.4.2|9=155|35=8|34=8|49=ORDERMATCH|52=20261123-10:11:51.036|56=CLIENT1|6=0|11=m1|14=0|17=6|20=0|37=m1|39=8|54=1|55=IBM|58=Incorrect data format for value|150=8|151=0|10=045|',
  /** ordermatch does not support OrderCancelReplaceRequest. */
  ordermatchRefusesReplace:
    '8=FIX.4.2|9=105|35=j|34=6|49=ORDERMATCH|52=20261123-10:11:51.035|56=CLIENT1|45=4|58=Unsupported Message Type|372=G|380=3|10=013|',
  /** A FIX 4.4 broker refuses to cancel an order it does not know. */
  brokerCancelReject:
    '8=FIX.4.4|9=140|35=9|34=9|49=BROKER|52=20261123-10:30:00.000|56=T|11=O7-1|37=NONE|39=8|41=O7|58=no such order|102=1|434=1|10=000|',
  /** A FIX 4.4 broker confirms a cancel/replace under the new ClOrdID. */
  brokerReplaced:
    '8=FIX.4.4|9=170|35=8|34=10|49=BROKER|52=20261123-10:30:01.000|56=T|6=0|11=O7-1|14=0|17=X9|37=B77|38=80|39=5|41=O7|44=10.75|54=1|55=IBM|150=5|151=80|10=000|',
} as const;
