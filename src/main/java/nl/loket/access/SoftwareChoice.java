package nl.loket.access;

/** A software item as the request form offers it: does it need approval without admin rights? */
public record SoftwareChoice(Software software, boolean needsApproval) {
}
