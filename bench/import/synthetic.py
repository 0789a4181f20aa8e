#!/usr/bin/python3
"""A synthetic export in the import format (docs/import.md) for the import benchmark, used until
`clause generate` exists. Usage: synthetic.py CLIENTS OUT_DIR. Deterministic: no randomness."""
import csv, os, sys

clients, out = int(sys.argv[1]), sys.argv[2]
os.makedirs(out, exist_ok=True)

def write(name, header, rows):
    with open(os.path.join(out, name + '.csv'), 'w', newline='', encoding='utf-8') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(header.split(','))
        w.writerows(rows)

def ts(day, hour):
    return f'2026-{1 + day // 28:02d}-{1 + day % 28:02d}T{hour:02d}:00:00Z'

n = range(clients)
write('accounts', 'id,kind,parent_id,name,address,siren,vat_number,language,last_activity,created',
      ([f'A{c}', 'client', '', f'Client {c}', f'{c} rue de la Paix\n75002 Paris', '', '', 'fr', '2026-09-30', '2020-01-01'] for c in n))
write('people', 'id,account_id,full_name,email,phone,postal_address,role',
      ([f'P{c}', f'A{c}', f'Personne {c}', f'p{c}@example.fr', '', '', 'billing'] for c in n))
write('contracts', 'id,account_id,terms_profile,start,end,term_months,tacit_renewal,billing,backup_option,high_availability,gtr_hours,holiday_zone,time_zone',
      ([f'C{c}', f'A{c}', 'kalanda-hds', '2025-01-01', '', 12, 'true', 'monthly', 'true', 'false', 4, 'metropole', 'Europe/Paris'] for c in n))
write('services', 'id,contract_id,kind,hostname,label,managed',
      ([f'S{c}-{k}', f'C{c}', 'server', f'srv{k}.c{c}.example', 'Serveur', 'true'] for c in n for k in range(2)))
write('fee_revisions', 'service_id,effective,period_price,index_value',
      ([f'S{c}-{k}', '2025-01-01', '450.00', ''] for c in n for k in range(2)))
write('incidents', 'id,contract_id,service_id,contacted,intervention_start,restored,blocking,cause,data_loss,backup_restore_minutes,summary',
      ([f'I{c}-{i}', f'C{c}', f'S{c}-0', ts(i * 20, 10), ts(i * 20, 11), ts(i * 20, 15), 'true', 'server', 'false', 0, 'Panne'] for c in n for i in range(5)))
write('outages', 'id,service_id,start,end,kind,summary',
      ([f'O{c}-{i}', f'S{c}-1', ts(i * 30, 2), ts(i * 30, 3), 'unplanned', ''] for c in n for i in range(3)))
write('interventions', 'id,contract_id,service_id,incident_id,kind,start,end,quote_reference',
      ([f'V{c}-{i}', f'C{c}', f'S{c}-0', f'I{c}-{i}', 'emergency', ts(i * 20, 11), ts(i * 20, 13), ''] for c in n for i in range(3)))
write('support_tickets', 'id,contract_id,opened,acknowledged',
      ([f'T{c}-{i}', f'C{c}', ts(i * 40, 9), ts(i * 40, 10)] for c in n for i in range(3)))
write('root_access_periods', 'id,contract_id,service_id,start,end',
      ([f'R{c}', f'C{c}', f'S{c}-1', ts(100, 0), ts(101, 0)] for c in n))
write('backups', 'id,service_id,scope,kind,start,end,status,size_bytes,checksum,location,expires',
      ([f'B{c}-{d}', f'S{c}-0', 'full', 'incremental', ts(d, 1), ts(d, 2), 'success', 1000000 * d, 'sha256:00', 'offsite:gra3', ''] for c in n for d in range(30)))
write('mail_usage', 'contract_id,day,megabytes',
      ([f'C{c}', f'2026-10-{d + 1:02d}', 25000 + d * 10] for c in n for d in range(30)))
write('price_indices', 'name,month,value,published', [['SYNTEC', f'2026-{m:02d}', '296.1', f'2026-{m:02d}-28'] for m in range(1, 13)])
write('payments', 'id,invoice_number,paid,amount', ([f'PAY{c}', f'LEGACY-{c}', '2026-10-05', '540.00'] for c in n))
write('reversibility_requests', 'id,contract_id,requested,end_of_service,takeover,completed',
      ([f'RV{c}', f'C{c}', '2026-09-15', '2026-12-31', '', ''] for c in range(0, clients, 50)))
