package report

import (
	"bufio"
	"html/template"
	"strings"

	"creditplan/pricing"
)

// The proposal as one self-contained HTML file: html/template (every name
// is escaped by it), inline CSS with a print stylesheet, an inline SVG cost
// chart, no script and no remote resource. The inputs block is a
// <pre hidden> element; its lines need no escaping (checkInputsBlock).

// proposalPage is what the HTML template reads.
type proposalPage struct {
	Doc    *proposalDoc
	Chart  *costChart
	Inputs template.HTML
	// Version is creditplan's, for the footer.
	Version string
}

func writeProposalHTML(w *bufio.Writer, p *pricing.Proposal, doc *proposalDoc, inputs string) error {
	page := proposalPage{Doc: doc, Chart: buildCostChart(p), Version: p.Options.Version}
	// The block holds only the characters checkInputsBlock lets through,
	// none of which HTML gives a meaning to.
	page.Inputs = template.HTML(inputs)
	return proposalTemplate.Execute(w, page)
}

// costChart is the SVG bar chart of each priced plan's year on both billings.
type costChart struct {
	Width, Height int
	Caption       string
	Bars          []costBar
	Legend        []legendItem
}

// costBar is one bar with its label and amount.
type costBar struct {
	Y, W, LabelY int
	Label, Value string
	Class        string
	// First marks a plan's first bar, which carries the plan's name.
	First bool
	Plan  string
}

type legendItem struct {
	X     int
	Label string
	Class string
}

// Chart geometry, in SVG user units.
const (
	chartWidth  = 640
	chartLabelW = 150
	chartBarMax = 380
	chartBarH   = 14
	chartTop    = 28
)

// buildCostChart draws each plan that can make the month and has a public
// price as two bars, its year
// billed monthly and billed annually; nil when no plan has a price.
func buildCostChart(p *pricing.Proposal) *costChart {
	c := p.Card
	var most pricing.Money
	n := 0
	for i := range p.Plans {
		if pp := &p.Plans[i]; chartable(pp) {
			most = max(most, pp.YearCost[0], pp.YearCost[1])
			n++
		}
	}
	if n == 0 {
		return nil
	}
	ch := &costChart{Width: chartWidth, Caption: "The year's cost on each plan, billed monthly and billed annually",
		Legend: []legendItem{{X: chartLabelW, Label: "billed monthly", Class: "m"}, {X: chartLabelW + 160, Label: "billed annually", Class: "a"}}}
	y := chartTop
	for i := range p.Plans {
		pp := &p.Plans[i]
		if !chartable(pp) {
			continue
		}
		for k, cls := range []string{"m", "a"} {
			m := pp.YearCost[k]
			ch.Bars = append(ch.Bars, costBar{Y: y, W: barWidth(m, most), LabelY: y + chartBarH - 3,
				Value: c.Money(m), Class: cls, First: k == 0, Plan: pp.Plan.Name})
			y += chartBarH + 2
		}
		y += 8
	}
	ch.Height = y + 4
	return ch
}

// cellClass is a column's class: "n" for amounts, "p" for the proposed plan's.
func cellClass(t proposalTable, i int) string {
	var s string
	if i < len(t.Num) && t.Num[i] {
		s = "n"
	}
	if i < len(t.MarkedCol) && t.MarkedCol[i] {
		s += " p"
	}
	return strings.TrimSpace(s)
}

// chartable reports whether the chart shows a plan: one with a public
// price that can make the month.
func chartable(pp *pricing.ProposalPlan) bool {
	return !pp.Plan.ContactSales && len(pp.Standing.Blocked) == 0
}

// barWidth scales an amount to the longest bar; amounts are whole cents, so
// both are brought under 2^31 first and the product cannot overflow.
func barWidth(m, most pricing.Money) int {
	if most <= 0 || m <= 0 {
		return 0
	}
	a, b := int64(m), int64(most)
	for b > 1<<31 {
		a, b = a>>1, b>>1
	}
	return max(int(a*chartBarMax/b), 1)
}

var proposalTemplate = template.Must(template.New("proposal").Funcs(template.FuncMap{
	"cls":    cellClass,
	"add":    func(a, b int) int { return a + b },
	"marked": func(t proposalTable, i int) bool { return i < len(t.Marked) && t.Marked[i] },
}).Parse(proposalHTML))

const proposalHTML = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Doc.Title}}</title>
<style>
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #1a1a1a; background: #fff; margin: 0 auto; max-width: 60rem; padding: 1.5rem; line-height: 1.4; }
h1 { font-size: 1.6rem; margin: 0 0 .4rem; color: #12355b; }
h2 { font-size: 1.15rem; margin: 1.4rem 0 .5rem; color: #12355b; border-bottom: 2px solid #d5e0ec; padding-bottom: .2rem; }
p.lead { font-size: 1.02rem; margin: .2rem 0; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 .8rem; font-size: .86rem; }
caption { text-align: left; font-weight: 600; padding: .2rem 0; color: #333; }
th, td { border: 1px solid #c9d3de; padding: .25rem .4rem; vertical-align: top; text-align: left; }
th { background: #eaf0f6; }
td.n, th.n { text-align: right; }
td.n { white-space: nowrap; }
tr.proposed td, tr.proposed th, td.p, th.p { background: #fff6dc; font-weight: 600; }
ul { margin: .3rem 0 .8rem; padding-left: 1.3rem; }
figure { margin: .5rem 0 1rem; }
figcaption { font-weight: 600; font-size: .9rem; color: #333; }
svg { max-width: 100%; height: auto; }
svg text { font-family: inherit; font-size: 11px; fill: #1a1a1a; }
.m { fill: #2f6690; }
.a { fill: #d9822b; }
p.closing { margin-top: 1.6rem; padding-top: .6rem; border-top: 2px solid #12355b; font-weight: 600; }
footer { color: #444; font-size: .8rem; }
@page { size: 210mm 279mm; margin: 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 7.5pt; line-height: 1.2; }
  h1 { font-size: 13pt; }
  h2 { font-size: 9.5pt; margin: .45rem 0 .2rem; padding-bottom: .05rem; break-after: avoid; page-break-after: avoid; }
  p, ul { margin: .15rem 0 .3rem; }
  th, td { padding: .1rem .25rem; }
  table { font-size: 7pt; margin: .15rem 0 .3rem; }
  caption { padding: .05rem 0; }
  #estimates ul, #card ul { font-size: 6.5pt; }
  footer { font-size: 6.5pt; }
  p.closing { margin-top: .6rem; padding-top: .3rem; }
  tr, th, td { break-inside: avoid; page-break-inside: avoid; }
  figure { break-inside: avoid; page-break-inside: avoid; }
  tr.proposed td, td.p, th.p { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  svg { -webkit-print-color-adjust: exact; print-color-adjust: exact; max-height: 45mm; }
}
</style>
</head>
<body>
<header>
<h1>{{.Doc.Title}}</h1>
{{range .Doc.Lead}}<p class="lead">{{.}}</p>
{{end}}</header>
<main>
{{range .Doc.Sections}}<section id="{{.ID}}">
<h2>{{.Title}}</h2>
{{range .Paras}}<p>{{.}}</p>
{{end}}{{range $t := .Tables}}<table id="table-{{$t.ID}}">
<caption>{{$t.Caption}}</caption>
<thead><tr>{{range $i, $h := $t.Head}}<th scope="col"{{with cls $t $i}} class="{{.}}"{{end}}>{{$h}}</th>{{end}}</tr></thead>
<tbody>
{{range $k, $r := $t.Rows}}<tr{{if marked $t $k}} class="proposed"{{end}}>{{range $i, $v := $r}}{{if eq $i 0}}<th scope="row">{{$v}}</th>{{else}}<td{{with cls $t $i}} class="{{.}}"{{end}}>{{$v}}</td>{{end}}{{end}}</tr>
{{end}}</tbody>
</table>
{{end}}{{if and .Chart $.Chart}}{{with $.Chart}}<figure>
<figcaption>{{.Caption}}</figcaption>
<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{{.Caption}}" width="{{.Width}}" height="{{.Height}}" viewBox="0 0 {{.Width}} {{.Height}}">
{{range .Legend}}<rect x="{{.X}}" y="6" width="12" height="12" class="{{.Class}}"/><text x="{{add .X 16}}" y="16">{{.Label}}</text>
{{end}}{{range .Bars}}{{if .First}}<text x="0" y="{{add .LabelY 8}}">{{.Plan}}</text>
{{end}}<rect x="150" y="{{.Y}}" width="{{.W}}" height="14" class="{{.Class}}"/><text x="{{add 154 .W}}" y="{{.LabelY}}">{{.Value}}</text>
{{end}}</svg>
</figure>
{{end}}{{end}}{{if .List}}<ul>
{{range .List}}<li>{{.}}</li>
{{end}}</ul>
{{end}}</section>
{{end}}</main>
<footer>
<p>Made with creditplan {{.Version}}. Run <code>creditplan verify</code> on this file to check it against the current prices.</p>
{{if .Inputs}}<pre hidden id="creditplan-inputs">
{{.Inputs}}</pre>
{{end}}<p class="closing">{{.Doc.Closing}}</p>
</footer>
</body>
</html>
`
