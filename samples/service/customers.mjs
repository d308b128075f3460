/**
 * The made-up customers the sample services log about. No value belongs to anyone: each was
 * generated with a valid check digit or in a range reserved for examples (example.com, the
 * 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24 and 2001:db8::/32 networks, 555-01xx phone numbers),
 * so the anonymized output shows what a real one would get.
 */
export const customers = [
  {
    id: 1001,
    name: 'Zhang San',
    user: 'zhangsan88',
    email: 'zhang.san@example.com',
    phone: '+1 212-555-0147',
    ip: '192.0.2.10',
    idCard: '31010419710112106X', // CN resident ID, ISO 7064 MOD 11-2 check char
    card: '4693 5137 7548 2827', // Visa range, Luhn check digit
  },
  {
    id: 1002,
    name: 'Jane Anderson',
    user: 'janderson',
    email: 'jane.anderson@mail.example.com',
    phone: '+1 415-555-0162',
    ip: '2001:db8::8a2e:370:7334',
    ssn: '526-04-2944', // SSA area, group and serial rules
    iban: 'NL71 ABNA 3149 5062 50', // mod 97 check digits
  },
];

/** Fields with nothing personal in them: a service logs these too, and they must come out as they went in. */
export const order = { orderId: 8812030045671234, sku: 'SKU-88412', amount: 27.5, currency: 'EUR', version: '10.0.10625.1189' };

/** Where the payment gateway is: an address a mail or network error quotes. */
export const gatewayIp = '198.51.100.7';
