// The parts of Apache ECharts the dashboard draws with, and nothing else: line and bar charts, their
// grid, legend, tooltip and mark line, drawn as SVG (crisp on any screen, no canvas needed). Loaded with
// the analytics pages only.
import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components'
import { init, use } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'

use([LineChart, BarChart, GridComponent, LegendComponent, TooltipComponent, MarkLineComponent, SVGRenderer])

export { init }
export type { ECharts, EChartsCoreOption } from 'echarts/core'
