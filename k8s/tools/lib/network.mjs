// A small NetworkPolicy evaluator: given the rendered policies and the pods
// that will run (the apps from their Deployments, the operator-managed pods
// from their custom resources), answers "may A open a TCP/UDP connection to
// B on port P?" the way the Kubernetes NetworkPolicy API defines it.

export class Pod {
  constructor({ name, namespace, labels, namespaceLabels = {}, ports = {} }) {
    this.name = name;
    this.namespace = namespace;
    this.labels = labels;
    this.namespaceLabels = { "kubernetes.io/metadata.name": namespace, ...namespaceLabels };
    this.ports = ports; // container port name -> number
  }
}

// Something outside the cluster's pod network, e.g. a browser behind a load
// balancer: only ipBlock peers or peer-less rules match it.
export class External {
  constructor(ip) {
    this.name = `ip ${ip}`;
    this.ip = ip;
  }
}

export class NetworkModel {
  constructor(policies) {
    this.policies = policies;
  }

  allows(from, to, port, protocol = "TCP") {
    return this.egressAllows(from, to, port, protocol) && this.ingressAllows(from, to, port, protocol);
  }

  egressAllows(from, to, port, protocol) {
    if (!(from instanceof Pod)) return true;
    const selecting = this.selecting(from, "Egress");
    if (selecting.length === 0) return true;
    return selecting.some((p) =>
      (p.spec.egress ?? []).some(
        (rule) => peersMatch(rule.to, to, p.metadata.namespace) && portsMatch(rule.ports, to, port, protocol),
      ),
    );
  }

  ingressAllows(from, to, port, protocol) {
    if (!(to instanceof Pod)) return true;
    const selecting = this.selecting(to, "Ingress");
    if (selecting.length === 0) return true;
    return selecting.some((p) =>
      (p.spec.ingress ?? []).some(
        (rule) => peersMatch(rule.from, from, p.metadata.namespace) && portsMatch(rule.ports, to, port, protocol),
      ),
    );
  }

  selecting(pod, type) {
    return this.policies.filter(
      (p) =>
        p.metadata.namespace === pod.namespace &&
        policyTypes(p).includes(type) &&
        selectorMatches(p.spec.podSelector, pod.labels),
    );
  }
}

function policyTypes(policy) {
  if (policy.spec.policyTypes) return policy.spec.policyTypes;
  return policy.spec.egress ? ["Ingress", "Egress"] : ["Ingress"];
}

function peersMatch(peers, other, policyNamespace) {
  if (!peers || peers.length === 0) return true;
  return peers.some((peer) => {
    if (peer.ipBlock) {
      return other instanceof External && ipInBlock(other.ip, peer.ipBlock);
    }
    if (!(other instanceof Pod)) return false;
    const namespaceOk = peer.namespaceSelector
      ? selectorMatches(peer.namespaceSelector, other.namespaceLabels)
      : other.namespace === policyNamespace;
    const podOk = peer.podSelector ? selectorMatches(peer.podSelector, other.labels) : true;
    return namespaceOk && podOk;
  });
}

function portsMatch(ports, target, port, protocol) {
  if (!ports || ports.length === 0) return true;
  return ports.some((p) => {
    if ((p.protocol ?? "TCP") !== protocol) return false;
    if (p.port === undefined) return true;
    const number = typeof p.port === "string" ? target.ports?.[p.port] : p.port;
    if (number === undefined) return false;
    return p.endPort ? port >= number && port <= p.endPort : port === number;
  });
}

export function selectorMatches(selector, labels) {
  if (!selector) return false;
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) {
    if (labels[k] !== v) return false;
  }
  for (const e of selector.matchExpressions ?? []) {
    const has = Object.hasOwn(labels, e.key);
    const ok = {
      In: () => has && e.values.includes(labels[e.key]),
      NotIn: () => !has || !e.values.includes(labels[e.key]),
      Exists: () => has,
      DoesNotExist: () => !has,
    }[e.operator];
    if (!ok || !ok()) return false;
  }
  return true;
}

function ipInBlock(ip, block) {
  // The model's outside addresses are IPv4; an IPv6 block never holds one.
  if (block.cidr.includes(":")) return false;
  const inCidr = (cidr) => {
    const [base, bits] = cidr.split("/");
    const mask = bits === "0" ? 0 : (~0 << (32 - Number(bits))) >>> 0;
    return (toInt(ip) & mask) >>> 0 === (toInt(base) & mask) >>> 0;
  };
  return inCidr(block.cidr) && !(block.except ?? []).some(inCidr);
}

function toInt(ip) {
  return ip.split(".").reduce((acc, octet) => ((acc << 8) + Number(octet)) >>> 0, 0);
}
