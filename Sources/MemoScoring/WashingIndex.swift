import Foundation

/// The question a journalist asks first: is AI given as the reason for the cuts?
///
/// A memo's reason is its strongest finding, in this order: `explicit`, `denied`, `implied`,
/// `framing`, `absent`.
public enum AIReason: String, Sendable, Codable, CaseIterable {
  /// AI and cut (or restructuring) language joined by a causal or enabling construction in one
  /// sentence ("we are cutting 200 roles because AI now handles that work").
  case explicit
  /// AI and cut language in the same or an adjacent paragraph, or within two sentences, not
  /// joined in a sentence.
  case implied
  /// AI referred to, affirmed, but not attached to any cut.
  case framing
  /// No affirmed AI reference.
  case absent
  /// AI denied as the cause ("this is not about AI"; "Is AI the reason? It is not."), and no
  /// explicit attribution elsewhere.
  case denied
}

/// The AI-washing index: how strongly a memo presents AI as the reason for cuts.
///
/// Per sentence, once per entry:
/// - framing: 0.25 · w for every affirmed hit of an `ai_framing` entry of weight w;
/// - attribution: for a sentence where AI is an explicit reason, 1.5 · w; where it is implied
///   (cut language in the same or an adjacent paragraph, or two sentences), 0.4 · w; w the heaviest
///   affirmed AI hit in the sentence (an `ai_reference` or `ai_framing` entry's weight);
/// - vagueness: 0.25 · w for an `ai_framing` hit whose sentence has no number and no concrete
///   noun (a task, tool or unit such as "tickets", "code", "hours"; see `concreteNouns`).
///
/// raw = (framing + attribution + vagueness) · (1 + 0.1 · min(3, signal hits));
/// points = raw / max(1, sqrt(tokens / 500)) (length normalisation), and
/// index = 100 · (1 − e^(−points / 8)), one decimal. A memo whose AI reason is `absent` or
/// `denied` scores 0. Negated hits add nothing; alternatives are listed, not scored.
public enum WashingIndex {
  /// Points per unit of weight for any AI-framing hit.
  public static let framingFactor = 0.25
  /// Points per unit of AI weight for a sentence where AI is an explicit reason for cuts. Set so
  /// that one explicit sentence with a bare "AI" (w 2) outscores an AI-first frame (w 3) next
  /// to a cut.
  public static let explicitFactor = 1.5
  /// Points per unit of AI weight for a sentence where AI is an implied reason. Calibrated so
  /// that an implied frame counts well under half of an explicit one.
  public static let impliedFactor = 0.4
  /// Extra points per unit of weight for an AI-framing hit with nothing concrete in its sentence.
  public static let vaguenessFactor = 0.25
  /// Multiplier added per signal hit, and the most signal hits counted.
  public static let signalStep = 0.1
  public static let maxSignals = 3
  /// Tokens up to which no length normalisation applies; calibrated on the Corpus memos, whose
  /// median body is about 400 tokens, so a typical memo is not scaled.
  public static let referenceTokens = 500.0
  /// The points at which the index reaches 63 (1 − 1/e).
  public static let scale = 8.0

  /// The formula in words, stamped into every score card.
  public static let formula =
    "index = 100 * (1 - exp(-points / 8)), 0 when the AI reason is absent or denied;"
    + " points = (framing + attribution + vagueness) * (1 + 0.1 * min(3, signal hits))"
    + " / max(1, sqrt(tokens / 500)); per sentence and entry, affirmed hits only: framing 0.25w"
    + " per ai_framing hit; attribution 1.5w (explicit: AI and cut language joined by a causal"
    + " construction in the sentence) or 0.4w (implied: cut language in the same or an"
    + " adjacent paragraph, or within two sentences), w the sentence's heaviest AI hit;"
    + " vagueness 0.25w per ai_framing"
    + " hit whose sentence has no number and no concrete noun"

  /// Normalized words that make an AI claim concrete: tasks, tools, work units and measures.
  public static let concreteNouns: Set<String> = [
    "code", "coding", "tests", "testing", "ticket", "tickets", "bug", "bugs", "invoice",
    "invoices", "claim", "claims", "call", "calls", "chat", "chats", "email", "emails",
    "translation", "translations", "documentation", "document", "documents", "query", "queries",
    "case", "cases", "contract", "contracts", "report", "reports", "review", "reviews",
    "hours", "hour", "minutes", "days", "weeks", "percent", "dollars", "million", "billion",
    "copilot", "chatgpt", "claude", "gemini", "cursor", "llm", "llms", "gpt", "model", "models",
    "tool", "tools", "chatbot", "chatbots", "assistant", "pull", "requests", "deployment",
    "deployments", "transactions", "orders", "shipments", "resolution", "resolutions",
  ]

  /// The index for a number of points.
  public static func index(points: Double) -> Double {
    (100 * (1 - exp(-points / scale)) * 10).rounded() / 10
  }

  /// The length divisor for a memo of `tokens` tokens: 1 up to `referenceTokens`, then the
  /// square root of the ratio.
  public static func lengthFactor(tokens: Int) -> Double {
    max(1, (Double(tokens) / referenceTokens).squareRoot())
  }
}
