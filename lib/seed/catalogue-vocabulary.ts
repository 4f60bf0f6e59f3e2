import type { Category, Condition } from "@/lib/listings/options";
import type { PhotoIcon } from "./photos";

// Words the synthetic catalogue combines into plausible listings: "<qualifier> <noun>" titles,
// prices within the item's range (EUR), and a photo drawn with the item's icon.

export type CatalogueItem = { qualifiers: string[]; nouns: string[]; icon: PhotoIcon; minEuros: number; maxEuros: number };

export const CATALOGUE_ITEMS: Record<Category, CatalogueItem[]> = {
  Electronics: [
    { qualifiers: ["Sony", "Bose", "JBL", "Sennheiser"], nouns: ["wireless headphones", "noise cancelling headphones", "earbuds"], icon: "headphones", minEuros: 20, maxEuros: 250 },
    { qualifiers: ["Samsung", "Google Pixel", "Motorola", "Nokia"], nouns: ["phone", "smartphone"], icon: "phone", minEuros: 40, maxEuros: 650 },
    { qualifiers: ["Lenovo ThinkPad", "Dell", "HP", "Asus", "Acer"], nouns: ["laptop", "notebook"], icon: "laptop", minEuros: 120, maxEuros: 1100 },
    { qualifiers: ["Canon", "Nikon", "Fujifilm", "Olympus"], nouns: ["camera", "camera body", "compact camera"], icon: "camera", minEuros: 60, maxEuros: 900 },
    { qualifiers: ["PlayStation 4", "Xbox One", "Nintendo Switch"], nouns: ["console", "console and two controllers"], icon: "gamepad", minEuros: 80, maxEuros: 350 },
    { qualifiers: ["JBL", "Marshall", "Bose", "Ultimate Ears"], nouns: ["bluetooth speaker", "portable speaker"], icon: "speaker", minEuros: 15, maxEuros: 220 },
  ],
  Furniture: [
    { qualifiers: ["Oak", "Pine", "Walnut", "Glass", "Extendable"], nouns: ["dining table", "coffee table", "desk", "side table"], icon: "table", minEuros: 20, maxEuros: 600 },
    { qualifiers: ["Grey", "Leather", "Corner", "Two-seater", "Velvet"], nouns: ["sofa", "sofa bed", "couch"], icon: "sofa", minEuros: 50, maxEuros: 900 },
    { qualifiers: ["Office", "Dining", "Rocking", "Folding", "Vintage"], nouns: ["chair", "armchair", "stool"], icon: "chair", minEuros: 10, maxEuros: 250 },
    { qualifiers: ["IKEA", "White", "Oak", "Metal"], nouns: ["bookcase", "shelf unit", "chest of drawers", "wardrobe"], icon: "shelf", minEuros: 15, maxEuros: 300 },
    { qualifiers: ["Floor", "Desk", "Brass", "Vintage"], nouns: ["lamp", "reading light"], icon: "lamp", minEuros: 8, maxEuros: 120 },
    { qualifiers: ["Double", "Single", "King size", "Bunk"], nouns: ["bed frame", "bed"], icon: "bed", minEuros: 40, maxEuros: 400 },
  ],
  Clothing: [
    { qualifiers: ["Men's", "Women's", "Kids'", "Vintage"], nouns: ["jacket", "coat", "jumper", "jeans", "shirt"], icon: "shirt", minEuros: 5, maxEuros: 150 },
    { qualifiers: ["Summer", "Evening", "Wedding guest", "Linen"], nouns: ["dress", "skirt"], icon: "dress", minEuros: 10, maxEuros: 120 },
    { qualifiers: ["Nike", "Adidas", "Dr. Martens", "Clarks", "Converse"], nouns: ["trainers", "boots", "shoes", "sandals"], icon: "shoe", minEuros: 10, maxEuros: 140 },
  ],
  Vehicles: [
    { qualifiers: ["Toyota Corolla", "VW Golf", "Ford Focus", "Skoda Octavia", "Renault Clio"], nouns: ["1.0 petrol", "1.6 diesel", "hybrid", "estate"], icon: "car", minEuros: 900, maxEuros: 14_000 },
    { qualifiers: ["Road", "Mountain", "Hybrid", "Electric", "Folding"], nouns: ["bike", "bicycle"], icon: "bike", minEuros: 40, maxEuros: 1500 },
    { qualifiers: ["Xiaomi", "Segway", "Electric"], nouns: ["scooter", "e-scooter"], icon: "scooter", minEuros: 60, maxEuros: 400 },
    { qualifiers: ["Thule", "Halfords", "Universal"], nouns: ["roof box", "bike rack", "roof bars"], icon: "box", minEuros: 15, maxEuros: 300 },
  ],
  Sports: [
    { qualifiers: ["Adjustable", "Cast iron", "Rubber"], nouns: ["dumbbells", "kettlebell", "weight plates"], icon: "dumbbell", minEuros: 10, maxEuros: 300 },
    { qualifiers: ["Wilson", "Head", "Babolat", "Yonex"], nouns: ["tennis racket", "badminton racket", "padel racket"], icon: "racket", minEuros: 10, maxEuros: 150 },
    { qualifiers: ["Size 5", "Adidas", "Mitre", "Gilbert", "Spalding"], nouns: ["football", "rugby ball", "basketball"], icon: "ball", minEuros: 5, maxEuros: 40 },
    { qualifiers: ["Yoga", "Exercise", "Camping"], nouns: ["mat", "mat and blocks", "foam roller"], icon: "mat", minEuros: 5, maxEuros: 60 },
  ],
  "Home & Garden": [
    { qualifiers: ["Monstera", "Fiddle leaf fig", "Snake plant", "Olive tree"], nouns: ["in pot", "plant", "cutting"], icon: "plant", minEuros: 3, maxEuros: 80 },
    { qualifiers: ["Bosch", "Makita", "DeWalt", "Ryobi"], nouns: ["cordless drill", "jigsaw", "sander", "hedge trimmer", "lawn mower"], icon: "tools", minEuros: 15, maxEuros: 250 },
    { qualifiers: ["Nespresso", "De'Longhi", "Kenwood", "Smeg"], nouns: ["coffee machine", "kettle", "toaster", "stand mixer"], icon: "mug", minEuros: 10, maxEuros: 300 },
    { qualifiers: ["Teak", "Metal", "Rattan", "Hardwood"], nouns: ["garden bench", "garden table", "patio set"], icon: "table", minEuros: 20, maxEuros: 400 },
  ],
  Books: [
    { qualifiers: ["Paperback", "Hardback", "Signed"], nouns: ["novel", "cookbook", "travel guide", "biography"], icon: "book", minEuros: 2, maxEuros: 40 },
    { qualifiers: ["Box of", "Bundle of", "Collection of"], nouns: ["crime novels", "textbooks", "children's books", "comics"], icon: "books", minEuros: 5, maxEuros: 60 },
  ],
  "Toys & Kids": [
    { qualifiers: ["LEGO", "Duplo", "Playmobil", "Wooden"], nouns: ["set", "building blocks", "castle", "train set"], icon: "blocks", minEuros: 5, maxEuros: 150 },
    { qualifiers: ["Bugaboo", "Joie", "iCandy", "Maxi-Cosi", "Chicco"], nouns: ["pushchair", "pram", "car seat", "high chair"], icon: "pram", minEuros: 15, maxEuros: 400 },
    { qualifiers: ["Jellycat", "Giant", "Vintage"], nouns: ["teddy bear", "soft toy", "rocking horse"], icon: "teddy", minEuros: 3, maxEuros: 90 },
    { qualifiers: ["Kids", "Balance", "Frog"], nouns: ["bike 16 inch", "bike 20 inch", "balance bike"], icon: "bike", minEuros: 15, maxEuros: 250 },
  ],
  Other: [
    { qualifiers: ["Yamaha", "Fender", "Casio", "Roland"], nouns: ["acoustic guitar", "electric guitar", "keyboard", "ukulele"], icon: "guitar", minEuros: 30, maxEuros: 600 },
    { qualifiers: ["Vinyl", "Classic rock", "Jazz"], nouns: ["records", "LPs", "record collection"], icon: "record", minEuros: 5, maxEuros: 150 },
    { qualifiers: ["Moving", "Storage", "Vintage", "Large"], nouns: ["boxes", "suitcase", "mirror", "rug"], icon: "box", minEuros: 5, maxEuros: 120 },
  ],
};

export const CONDITION_OPENERS: Record<Condition, string[]> = {
  new: ["Brand new, still in the box.", "Unused gift, tags still on."],
  like_new: ["Hardly used and in excellent condition.", "Used a handful of times, looks new."],
  good: ["Used but well looked after.", "In good working order with normal signs of use."],
  fair: ["Shows some wear but works fine.", "A few marks and scratches, priced to match."],
  for_parts: ["Not working, selling for parts or repair.", "Broken, but could be fixed by someone handy."],
};

export const DESCRIPTION_MIDDLES = [
  "Smoke-free and pet-free home.",
  "Selling because we're moving.",
  "No longer needed since we upgraded.",
  "Can send more photos on request.",
  "Price is a little negotiable.",
  "Happy to answer any questions.",
];

export const SELLER_NAMES = ["Sean", "Emma", "Jack", "Sophie", "Conor", "Chloe", "Luca", "Grace", "Oisín", "Ava", "Jakub", "Saoirse"];
