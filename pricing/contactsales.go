package pricing

// ContactSales is how a plan without a public price is shown wherever a price
// would be: never as $0, never as free.
const ContactSales = "contact sales"

// PriceLabel is the plan's monthly price under a billing, or ContactSales.
func (c *RateCard) PriceLabel(p *Plan, b Billing) string {
	if p.ContactSales {
		return ContactSales
	}
	return c.Money(p.Price(b))
}
