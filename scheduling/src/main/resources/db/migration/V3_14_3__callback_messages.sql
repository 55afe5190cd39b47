-- Messages to call back, on the owner's call-back list next to the missed calls: a caller who asked for a person, to
-- be called back, or whose conversation got stuck (reason 'message'). call_sid holds the conversation and the time
-- ('sms:+4477...:1732357200000'), so one conversation can leave more than one message. The text is what the owner
-- was told (the caller's words already cleaned and cut: no numbers or links, quoted); personal data, listed like the
-- missed calls.
ALTER TABLE missed_call ADD COLUMN message VARCHAR(1000);
