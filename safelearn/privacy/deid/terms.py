"""Capitalised words that look like names but are medicines, brands, communication systems or
services. Over-redacting them destroys learning ("EpiPen left on the bus"), so they are never a
person or a place on their own."""

from __future__ import annotations


def _ws(s: str) -> frozenset[str]:
    return frozenset(s.split())


MEDICINES = _ws(
    """
    concerta ritalin equasym elvanse medikinet xaggitin xenidate delmosart matoride strattera atomoxetine
    intuniv guanfacine dexamfetamine lisdexamfetamine methylphenidate melatonin circadin slenyto clonidine
    sertraline fluoxetine prozac citalopram escitalopram mirtazapine venlafaxine risperidone risperdal
    aripiprazole abilify quetiapine seroquel olanzapine zyprexa lithium priadel epilim depakote valproate
    keppra levetiracetam lamotrigine lamictal carbamazepine tegretol topiramate ethosuximide buccolam
    midazolam diazepam lorazepam zopiclone promethazine phenergan piriton cetirizine loratadine calpol
    nurofen ibuprofen paracetamol codeine tramadol naloxone methadone subutex buprenorphine suboxone
    epipen epipens jext emerade ventolin salbutamol seretide clenil symbicort fostair insulin novorapid
    lantus humalog metformin movicol laxido lactulose senna gaviscon omeprazole lansoprazole amoxicillin
    penicillin trimethoprim flucloxacillin clarithromycin doxycycline propranolol microgynon cerazette
    nexplanon implanon levonelle ellaone depo-provera sayana dioralyte oramorph calprofen
    """
)
COMMUNICATION = _ws(
    """
    makaton signalong pecs widgit proloquo proloquo2go lamh dynavox tobii grid talker boardmaker
    braille bsl
    """
)
BRANDS_AND_SERVICES = _ws(
    """
    jobcentre jobcentreplus deliveroo ubereats justeat amazon ebay vinted netflix spotify xbox playstation
    ps5 nintendo fortnite roblox minecraft discord telegram signal messenger facetime wifi airpods
    ipad iphone samsung lebara lycamobile giffgaff vodafone ee o2 paypal monzo klarna oyster
    """
)

NON_PERSON_TERMS = MEDICINES | COMMUNICATION | BRANDS_AND_SERVICES
