# CPU time the hypervisor gave to other guests ("steal"): on a shared host it takes cores from a
# benchmark. Source this file; take `start="$(cpu_ticks)"` before a stage and `steal_since "$start"`
# after it for the share of the machine stolen in between (e.g. "12 %").
cpu_ticks() { awk '/^cpu /{print $2+$3+$4+$5+$6+$7+$8+$9, $9}' /proc/stat; }
steal_since() {
  cpu_ticks | awk -v t0="${1% *}" -v s0="${1#* }" '{printf "%.0f %%", ($1 > t0) ? 100 * ($2 - s0) / ($1 - t0) : 0}'
}
