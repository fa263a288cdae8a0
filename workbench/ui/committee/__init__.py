"""The loan committee (审贷会) window: sessions, agenda, votes, the decision, the signed minutes."""
