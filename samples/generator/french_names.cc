#include "samples/generator/french_names.h"

#include <array>

namespace clause {
namespace {

constexpr std::array<NameWord, 24> kFirst{
    {{"Claire", "claire"},   {"Julien", "julien"},   {"Hélène", "helene"},     {"Thomas", "thomas"},
     {"Sophie", "sophie"},   {"Nicolas", "nicolas"}, {"Émilie", "emilie"},     {"François", "francois"},
     {"Camille", "camille"}, {"Mathieu", "mathieu"}, {"Chloé", "chloe"},       {"Jérôme", "jerome"},
     {"Nadia", "nadia"},     {"Karim", "karim"},     {"Isabelle", "isabelle"}, {"Olivier", "olivier"},
     {"Lucie", "lucie"},     {"Antoine", "antoine"}, {"Manon", "manon"},       {"Sébastien", "sebastien"},
     {"Laura", "laura"},     {"Pierre", "pierre"},   {"Agnès", "agnes"},       {"Yann", "yann"}}};

constexpr std::array<NameWord, 32> kLast{
    {{"Martin", "martin"},     {"Bernard", "bernard"},   {"Dubois", "dubois"},       {"Durand", "durand"},
     {"Lefèvre", "lefevre"},   {"Moreau", "moreau"},     {"Girard", "girard"},       {"Roux", "roux"},
     {"Fournier", "fournier"}, {"Morel", "morel"},       {"Mercier", "mercier"},     {"Bonnet", "bonnet"},
     {"Lambert", "lambert"},   {"Fontaine", "fontaine"}, {"Chevalier", "chevalier"}, {"Garnier", "garnier"},
     {"Faure", "faure"},       {"André", "andre"},       {"Rousseau", "rousseau"},   {"Blanc", "blanc"},
     {"Guérin", "guerin"},     {"Muller", "muller"},     {"Henry", "henry"},         {"Perrin", "perrin"},
     {"Le Goff", "legoff"},    {"Caron", "caron"},       {"Vidal", "vidal"},         {"Schmitt", "schmitt"},
     {"Benali", "benali"},     {"Nguyen", "nguyen"},     {"Marchand", "marchand"},   {"Ménard", "menard"}}};

constexpr std::array<std::string_view, 20> kTrades{"Boulangerie",
                                                   "Transports",
                                                   "Cabinet d'architectes",
                                                   "Imprimerie",
                                                   "Clinique",
                                                   "Pharmacie",
                                                   "Menuiserie",
                                                   "Laboratoire",
                                                   "Garage",
                                                   "Librairie",
                                                   "Hôtel",
                                                   "Agence immobilière",
                                                   "Cabinet comptable",
                                                   "Fromagerie",
                                                   "Brasserie",
                                                   "Cave à vins",
                                                   "Studio graphique",
                                                   "Auto-école",
                                                   "Optique",
                                                   "Bureau d'études"};

constexpr std::array<std::string_view, 5> kForms{"SARL", "SAS", "SA", "EURL", "SELAS"};

constexpr std::array<std::string_view, 12> kStreets{
    "rue de la République", "avenue Jean-Jaurès", "boulevard Victor-Hugo", "rue du Général-de-Gaulle",
    "place de la Mairie",   "rue Nationale",      "allée des Tilleuls",    "chemin des Vignes",
    "rue Pasteur",          "quai de la Loire",   "rue des Écoles",        "avenue de la Gare"};

constexpr std::array<Town, 16> kTowns{{{"69002", "Lyon"},
                                       {"44000", "Nantes"},
                                       {"59000", "Lille"},
                                       {"33000", "Bordeaux"},
                                       {"31000", "Toulouse"},
                                       {"13001", "Marseille"},
                                       {"75011", "Paris"},
                                       {"35000", "Rennes"},
                                       {"67000", "Strasbourg"},
                                       {"57000", "Metz"},
                                       {"06000", "Nice"},
                                       {"34000", "Montpellier"},
                                       {"21000", "Dijon"},
                                       {"74000", "Annecy"},
                                       {"63000", "Clermont-Ferrand"},
                                       {"68100", "Mulhouse"}}};

constexpr std::array<std::string_view, 12> kSummaries{
    "Serveur ne répond plus",      "Site web inaccessible (erreur 502)",
    "Disque plein sur /var",       "Base de données arrêtée",
    "Certificat TLS expiré",       "Messagerie bloquée, file d'attente pleine",
    "Lenteurs importantes",        "Service applicatif arrêté",
    "Erreur de réplication",       "Panne disque, RAID dégradé",
    "Attaque par déni de service", "Tâche planifiée en échec"};

}  // namespace

std::span<const NameWord> first_names() { return kFirst; }
std::span<const NameWord> last_names() { return kLast; }
std::span<const std::string_view> trades() { return kTrades; }
std::span<const std::string_view> legal_forms() { return kForms; }
std::span<const std::string_view> streets() { return kStreets; }
std::span<const Town> towns() { return kTowns; }
std::span<const std::string_view> incident_summaries() { return kSummaries; }

}  // namespace clause
